//! Project tasks: `cargo xtask <command>`.

mod import;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help") | Some("--help") => {
            println!("usage: cargo xtask <command>\n\ncommands:\n{}", import::USAGE);
            Ok(())
        }
        Some("import") => import::run(args.get(1..).unwrap_or_default()),
        Some(other) => anyhow::bail!("unknown command `{other}`; run `cargo xtask help`"),
    }
}
