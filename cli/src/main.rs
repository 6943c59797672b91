//! `mend`: the terminal client. Subcommands for scripts and tests; with no subcommand, the
//! interactive client a person would use. All the work happens in mend-ffi's Rust API.

mod args;
mod commands;
mod errors;
mod form;
mod interactive;
mod locale;
mod output;
mod paths;
mod program;
mod safety;
mod secrets;
mod sharing;
mod tools;
mod zone;

use clap::Parser;

/// Exit code for a command line that was not understood.
const EXIT_USAGE: i32 = 2;

/// Output may go to a pipe that closes early (`mend steps | head`): stop quietly then. Any
/// other panic is a bug; say so without repeating anything, and stop.
fn quiet_on_closed_pipe() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("failed printing to stdout") {
            std::process::exit(0);
        }
        eprintln!("mend: an internal error stopped the client; nothing was changed by it");
        std::process::exit(errors::EXIT_FAILURE);
    }));
}

/// Parses the command line. A mistake is reported in fixed words, naming the option or
/// command by its own name, never repeating what was typed (it could be private).
fn parse() -> args::Cli {
    use clap::error::{ContextKind, ErrorKind};
    match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            e.exit()
        }
        Err(e) => {
            let arg = match e.get(ContextKind::InvalidArg) {
                Some(clap::error::ContextValue::String(name)) => format!(" ({name})"),
                _ => String::new(),
            };
            let what = match e.kind() {
                ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
                    "an option has a value it cannot take"
                }
                ErrorKind::UnknownArgument => "there is an option or word it does not know",
                ErrorKind::InvalidSubcommand => "there is a command it does not know",
                ErrorKind::MissingRequiredArgument => "something it needs is missing",
                ErrorKind::ArgumentConflict => "two options cannot go together",
                ErrorKind::MissingSubcommand
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "a command is missing",
                _ => "the command line was not understood",
            };
            eprintln!("mend: {what}{arg}; see `mend --help`");
            std::process::exit(EXIT_USAGE);
        }
    }
}

fn main() {
    quiet_on_closed_pipe();
    let cli = parse();
    // The program's language follows the terminal's locale, where the core has it.
    if let Some(tag) = locale::tag() {
        mend_ffi::set_language(tag);
    }
    let tz = cli.tz.unwrap_or_else(zone::local);
    // Help lines for the place the clock says this computer is in, else the locale's.
    mend_ffi::set_place(locale::tag().unwrap_or_default(), Some(tz.clone()));
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
