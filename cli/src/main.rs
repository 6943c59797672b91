//! `mend`: the terminal client. Subcommands for scripts and tests; with no subcommand, the
//! interactive client a person would use. All the work happens in mend-ffi's Rust API.

mod args;
mod commands;
mod errors;
mod interactive;
mod output;
mod paths;
mod program;
mod secrets;
mod tools;
mod zone;

use clap::Parser;

fn main() {
    let cli = args::Cli::parse();
    let tz = cli.tz.unwrap_or_else(zone::local);
    let result =
        paths::vault_dir(cli.vault).map_err(errors::Failure::from).and_then(|dir| {
            match cli.command {
                Some(command) => commands::run(&dir, &tz, command),
                None => interactive::run(&dir, &tz),
            }
        });
    if let Err(failure) = result {
        eprintln!("mend: {}", failure.message);
        std::process::exit(failure.code);
    }
}
