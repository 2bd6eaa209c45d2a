//! Project tasks: `cargo xtask <command>` (see `cargo xtask help`).

mod bench;
mod demo;
mod import;
mod solve;

use anyhow::{bail, Context, Result};

const USAGE: &str = "usage: cargo xtask <command> [options]\n\ncommands:";

const SOLVE: &str = "  solve <config.yaml> [options]
        Reads a PyCalendar project (YAML + workbook), solves the season and writes the calendar
        workbook (sheets Calendrier, Non_Planifies, Statistiques, Tous_Matchs).
        --strategy heuristique|optimal|hybride   default: planification.strategie of the YAML
        --time-limit SECONDS                     default: cpsat.temps_max_secondes of the YAML
        --threads N                              default: every core
        --seed N                                 heuristic seed, default 0
        --out FILE.xlsx                          default: fichiers.sortie of the YAML";

const GEN_EXAMPLE: &str = "  gen-example [--dir DIR]
        Writes the synthetic demo season (demo.xlsx + demo.yaml) to examples/demo/ (or DIR).
  help
        Shows this text.

examples:
  cargo xtask gen-example
  cargo xtask solve examples/demo/demo.yaml --strategy heuristique --time-limit 30";

/// Arguments after the command: positional values and `--name value` options.
pub(crate) struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Args {
    /// Splits `args`; every option in `known` takes one value (`--name value` or `--name=value`).
    fn parse(args: &[String], known: &[&str]) -> Result<Self> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let Some(option) = arg.strip_prefix("--") else {
                positional.push(arg.clone());
                continue;
            };
            let (name, inline) = match option.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (option, None),
            };
            if !known.contains(&name) {
                bail!("unknown option `--{name}`; run `cargo xtask help`");
            }
            let value = match inline {
                Some(value) => value,
                None => iter.next().cloned().with_context(|| format!("`--{name}` needs a value"))?,
            };
            options.push((name.to_string(), value));
        }
        Ok(Self { positional, options })
    }

    /// The last value of `--name`.
    fn get(&self, name: &str) -> Option<&str> {
        self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// `--name` parsed.
    fn parsed<T: std::str::FromStr>(&self, name: &str, expected: &str) -> Result<Option<T>> {
        self.get(name)
            .map(|text| {
                text.parse::<T>().map_err(|_| anyhow::anyhow!("`--{name} {text}`: expected {expected}"))
            })
            .transpose()
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            // The first line of each command's usage is indented by two spaces.
            println!("{USAGE}\n{SOLVE}\n  {}\n{}\n{GEN_EXAMPLE}", import::USAGE.trim_start(), bench::USAGE);
            Ok(())
        }
        Some("solve") => {
            let parsed = Args::parse(rest, &["strategy", "time-limit", "threads", "seed", "out"])?;
            solve::run(&parsed)
        }
        Some("import") => import::run(rest),
        Some("bench") => {
            let parsed = Args::parse(rest, &["sizes", "time-limit"])?;
            bench::run(&parsed)
        }
        Some("gen-example") => {
            let parsed = Args::parse(rest, &["dir"])?;
            demo::run(&parsed)
        }
        Some(other) => bail!("unknown command `{other}`; run `cargo xtask help`"),
    }
}
