//! `mend`: the terminal client. Subcommands for scripts and tests; with no subcommand, the
//! interactive client a person would use. All the work happens in mend-ffi's Rust API.

mod args;
mod commands;
mod errors;
mod interactive;
mod output;
mod paths;
mod secrets;

use clap::Parser;

fn main() {
    let cli = args::Cli::parse();
    let result =
        paths::vault_dir(cli.vault).map_err(errors::Failure::from).and_then(|dir| {
            match cli.command {
                Some(command) => commands::run(&dir, command),
                None => interactive::run(&dir),
            }
        });
    if let Err(failure) = result {
        eprintln!("mend: {}", failure.message);
        std::process::exit(failure.code);
    }
}
