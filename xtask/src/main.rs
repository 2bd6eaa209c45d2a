//! Project tasks: `cargo xtask <command>`.

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help") | Some("--help") => {
            println!("usage: cargo xtask <command>\n\ncommands: (none yet)");
            Ok(())
        }
        Some(other) => anyhow::bail!("unknown command `{other}`; run `cargo xtask help`"),
    }
}
