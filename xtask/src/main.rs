//! `cargo xtask generate` writes every output derived from the catalog;
//! `cargo xtask check` fails, naming the stale files, when they are out of date.

use std::process::ExitCode;
use xtask::{shown, workspace_root, Change};

const USAGE: &str = "usage: cargo xtask <generate|check>

  generate  render everything from the catalog and write the files that changed
  check     exit non-zero, naming each file, when the checked-in outputs are stale";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["generate"] => match xtask::generate(&root) {
            Ok(changes) => {
                for change in &changes {
                    let verb = match change {
                        Change::Created(_) => "created",
                        Change::Updated(_) => "updated",
                        Change::Removed(_) => "removed",
                    };
                    println!("{verb:>8} {}", shown(&root, change.path()));
                }
                println!("generate: {} file(s) changed", changes.len());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        },
        ["check"] => match xtask::check(&root) {
            Ok(changes) if changes.is_empty() => {
                println!("check: every generated file is up to date");
                ExitCode::SUCCESS
            }
            Ok(changes) => {
                for change in &changes {
                    let what = match change {
                        Change::Created(_) => "missing",
                        Change::Updated(_) => "stale",
                        Change::Removed(_) => "no longer generated",
                    };
                    eprintln!("{what}: {}", shown(&root, change.path()));
                }
                eprintln!("check: {} file(s) out of date; run `cargo xtask generate` and commit", changes.len());
                ExitCode::FAILURE
            }
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        },
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
