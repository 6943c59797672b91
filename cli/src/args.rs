//! The command line, as clap parses it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Mend: a private, offline companion for couples recovering after an affair.
///
/// With no command, `mend` starts the interactive client. Passcodes are read from the
/// terminal without echo, or from MEND_PASSCODE (and MEND_NEW_PASSCODE, MEND_RECOVERY_CODE)
/// when set, for scripts. Text you write (titles, notes, answers…) is never given as an
/// option: commands ask for it in a terminal, or read it from standard input as one JSON
/// object.
#[derive(Debug, Parser)]
#[command(name = "mend", version, about, long_about)]
pub struct Cli {
    /// The vault directory (default: $XDG_DATA_HOME/mend, or ~/.local/share/mend).
    #[arg(long, global = true, env = "MEND_VAULT")]
    pub vault: Option<PathBuf>,

    /// Your time zone, an IANA name such as Europe/Paris (default: this computer's).
    #[arg(long, global = true, env = "MEND_TZ")]
    pub tz: Option<String>,

    /// What to do; nothing starts the interactive client.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new vault and show its recovery code once.
    Init(InitArgs),
    /// Write, read, edit, delete, list and search notes.
    #[command(subcommand)]
    Note(NoteCommand),
    /// Change the passcode (the vault gets new keys and a new recovery code).
    #[command(subcommand)]
    Passcode(PasscodeCommand),
    /// Set a new passcode using the recovery code; shows a new recovery code.
    Recover,
    /// Show whether a vault exists and whether a wait is in force.
    Status(JsonFlag),
    /// Erase the vault and its device key for good.
    Erase(EraseArgs),
    /// Keep the vault's records as they are: after restoring an older copy on purpose, or
    /// once you have seen that some records do not match.
    Keep,
    /// Say again whose vault this is, when its settings could not be read.
    Role(RoleChoice),
    /// Show today's prompt.
    Today(TodayArgs),
    /// Mark today's prompt (or another one offered today) as done.
    Done(DoneArgs),
    /// Skip today's prompt (or another one offered today).
    Skip(SkipArgs),
    /// List the six steps.
    Steps(JsonFlag),
    /// Show one step in full.
    Step(StepArgs),
    /// Show your progress.
    Progress(JsonFlag),
    /// Help and support: emergency numbers, crisis and abuse lines (your place's first: the
    /// time zone's country, else the locale's region, or `--region`), signs that it is time to
    /// get help, and advice if someone may check this computer. Needs no vault.
    Support(SupportArgs),
    /// The safety check: `safety check` names the kinds of danger in a text on standard
    /// input, never the text. Needs no vault.
    #[command(subcommand)]
    Safety(SafetyCommand),
    /// Tools for remorse letters.
    #[command(subcommand)]
    Letter(LetterCommand),
    /// Record today's check-in (safety, trust, connection), or list check-ins.
    Checkin(CheckinArgs),
    /// The trigger log: list, or add with `triggers add`.
    Triggers(ToolArgs<TriggerCommand>),
    /// The question log: list, add, or answer.
    Questions(ToolArgs<QuestionCommand>),
    /// The no-contact log: list, or add with `contacts add`.
    Contacts(ToolArgs<ContactCommand>),
    /// Reminders and when they next fire: list, add or delete.
    Reminders(ToolArgs<ReminderCommand>),
    /// Encrypted backups, to carry the vault to another device.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Write everything to a file that is NOT protected: json or markdown.
    Export(ExportArgs),
    /// Write a summary of chosen sections and dates to bring to a therapist.
    Summary(SummaryArgs),
}

/// `mend backup …`.
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Write a backup of the whole vault, sealed under a backup passphrase you choose
    /// (MEND_BACKUP_PASSPHRASE for scripts).
    Create {
        /// The new backup file (never an existing one).
        file: PathBuf,
    },
    /// Make a new vault here from a backup: asks for the backup passphrase and a new
    /// passcode, and shows a new recovery code. Never replaces a vault.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
}

/// The formats of a plain export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// JSON, for other programs (field names in docs/EXPORT.md).
    Json,
    /// Markdown, to read.
    Markdown,
}

/// `mend export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// json or markdown.
    #[arg(value_enum)]
    pub format: ExportFormatArg,
    /// The new file (never an existing one).
    pub file: PathBuf,
    /// Confirm that the file will not be protected (needed when not asked in a terminal).
    #[arg(long)]
    pub yes: bool,
}

/// A section a summary can include.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummarySectionArg {
    /// Days practised and prompts done, by step or theme.
    Practice,
    /// Weekly averages of the check-ins.
    CheckIns,
    /// Questions marked answered, with their answers.
    Questions,
}

/// `mend summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The first day covered (YYYY-MM-DD).
    #[arg(long)]
    pub from: String,
    /// The last day covered (YYYY-MM-DD).
    #[arg(long)]
    pub to: String,
    /// Sections to include, comma-separated: practice, check-ins, questions.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub include: Vec<SummarySectionArg>,
    /// A note to include whole, by id (repeat for more).
    #[arg(long = "note")]
    pub notes: Vec<String>,
    /// A letter or worksheet to include whole, by id (repeat for more).
    #[arg(long = "letter")]
    pub letters: Vec<String>,
    /// Show the summary here and write nothing.
    #[arg(long)]
    pub preview: bool,
    /// Write without showing it first and asking.
    #[arg(long)]
    pub yes: bool,
    /// The new file: .html (printable) or .md; without it, a name with only the dates, here.
    pub file: Option<PathBuf>,
}

/// What a reminder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReminderPurposeArg {
    /// The daily check-in.
    Checkin,
    /// Today's practice.
    Practice,
}

/// `mend reminders …`.
#[derive(Debug, Subcommand)]
pub enum ReminderCommand {
    /// Add a reminder.
    Add {
        /// What it is for.
        #[arg(long, value_enum)]
        purpose: ReminderPurposeArg,
        /// Which days: mon,wed,fri — or daily, weekdays, weekends.
        #[arg(long, default_value = "daily")]
        days: String,
        /// The local time, e.g. 20:30.
        #[arg(long)]
        at: String,
    },
    /// Delete a reminder.
    Delete {
        /// The reminder's id.
        id: String,
    },
}

/// A tool: a subcommand, or none to list the entries.
#[derive(Debug, Args)]
pub struct ToolArgs<C: Subcommand> {
    /// What to do; nothing lists the entries.
    #[command(subcommand)]
    pub command: Option<C>,
    /// Print JSON.
    #[arg(long, global = true)]
    pub json: bool,
}

/// `mend checkin`.
#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// How safe you feel, 0–10.
    #[arg(long, requires_all = ["trust", "connection"])]
    pub safety: Option<i32>,
    /// How much trust you feel, 0–10.
    #[arg(long)]
    pub trust: Option<i32>,
    /// How connected you feel, 0–10.
    #[arg(long)]
    pub connection: Option<i32>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `mend triggers …`.
#[derive(Debug, Subcommand)]
pub enum TriggerCommand {
    /// Log a trigger; asks for (or reads) what set it off and what helped.
    Add {
        /// How strong it was, 0–10.
        #[arg(long)]
        intensity: i32,
    },
}

/// Who asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AskerArg {
    /// You.
    Me,
    /// Your partner.
    Partner,
}

/// Fact or meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuestionKindArg {
    /// What, when, who.
    Fact,
    /// Why, and what it means.
    Meaning,
}

/// `mend questions …`.
#[derive(Debug, Subcommand)]
pub enum QuestionCommand {
    /// Add a question; asks for (or reads) its text.
    Add {
        /// Who asked it.
        #[arg(long = "by", value_enum, default_value = "me")]
        asked_by: AskerArg,
        /// Fact or meaning.
        #[arg(long, value_enum, default_value = "fact")]
        kind: QuestionKindArg,
    },
    /// Record the answer to a question; asks for (or reads) it.
    Answer {
        /// The question's id.
        id: String,
        /// Mark it as worth coming back to.
        #[arg(long)]
        revisit: bool,
    },
}

/// `mend contacts …`.
#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Log a contact attempt; asks for (or reads) how it came, what happened and how you
    /// handled it.
    Add {
        /// You have told your partner about it.
        #[arg(long)]
        disclosed: bool,
    },
}

/// `mend support`.
#[derive(Debug, Args)]
pub struct SupportArgs {
    /// Whose lines come first: an ISO 3166 country code (GB, US, DE…).
    #[arg(long)]
    pub region: Option<String>,
}

/// `mend safety …`.
#[derive(Debug, Subcommand)]
pub enum SafetyCommand {
    /// Read a text on standard input and print the kinds of danger found in it.
    Check(JsonFlag),
}

/// `mend letter …`.
#[derive(Debug, Subcommand)]
pub enum LetterCommand {
    /// Check a draft (from standard input) for phrasing worth another look.
    Check(JsonFlag),
}

/// `mend today`.
#[derive(Debug, Args)]
pub struct TodayArgs {
    /// Ask for another prompt for today (the next one each time; today's stays).
    #[arg(long)]
    pub another: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `mend done`: asks for (or reads) what you want to remember about it, if anything.
#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The prompt's id, if not today's prompt.
    #[arg(long)]
    pub prompt: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `mend skip`.
#[derive(Debug, Args)]
pub struct SkipArgs {
    /// The prompt's id, if not today's prompt.
    #[arg(long)]
    pub prompt: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `mend step`.
#[derive(Debug, Args)]
pub struct StepArgs {
    /// The step's number, 1 to 6.
    pub number: i32,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Whose vault it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// You had the affair and want to help your partner heal.
    Repairing,
    /// Your partner had the affair.
    Hurt,
}

/// `mend init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Whose vault this is.
    #[arg(long, value_enum, default_value = "repairing")]
    pub role: RoleArg,
    /// Argon2id memory in KiB (advanced; default 65536).
    #[arg(long, hide = true)]
    pub kdf_memory_kib: Option<u32>,
    /// Argon2id passes (advanced; default 3).
    #[arg(long, hide = true)]
    pub kdf_iterations: Option<u32>,
}

/// `mend role`.
#[derive(Debug, Args)]
pub struct RoleChoice {
    /// Whose vault this is.
    #[arg(long, value_enum)]
    pub role: RoleArg,
}

/// `--json`.
#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// `mend erase`.
#[derive(Debug, Args)]
pub struct EraseArgs {
    /// Confirm that everything should be erased, irreversibly.
    #[arg(long)]
    pub yes: bool,
}

/// `mend passcode …`.
#[derive(Debug, Subcommand)]
pub enum PasscodeCommand {
    /// Change the passcode (asks for the current one, then the new one twice). Use it too if
    /// someone may know your passcode: the vault gets new keys, every copy made before stops
    /// opening on this computer, and you get a new recovery code.
    Change,
}

/// `mend note …`.
#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Write a note.
    Add(NoteAddArgs),
    /// List notes, newest first.
    List(NoteListArgs),
    /// Show one note.
    Show(NoteIdArgs),
    /// Change a note.
    Edit(NoteEditArgs),
    /// Delete a note for good.
    Delete(NoteDeleteArgs),
    /// Find notes containing every word (ignoring case), or with a tag.
    Search(NoteSearchArgs),
}

/// `mend note add`: asks for (or reads) the title, the note and its tags.
#[derive(Debug, Args)]
pub struct NoteAddArgs {
    /// The program step (1–6) it belongs to.
    #[arg(long)]
    pub step: Option<i32>,
    /// Print the new note as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Filters and paging for listing.
#[derive(Debug, Args)]
pub struct NoteListArgs {
    /// Only notes of this step.
    #[arg(long)]
    pub step: Option<i32>,
    /// Skip this many notes.
    #[arg(long, default_value_t = 0)]
    pub offset: i32,
    /// Show at most this many notes (1–500).
    #[arg(long, default_value_t = 50)]
    pub limit: i32,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// A note id.
#[derive(Debug, Args)]
pub struct NoteIdArgs {
    /// The note's id (as listed).
    pub id: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `mend note delete`.
#[derive(Debug, Args)]
pub struct NoteDeleteArgs {
    /// The note's id (as listed).
    pub id: String,
}

/// `mend note edit`: asks for (or reads) a new title, note or tags; what is left out stays.
#[derive(Debug, Args)]
pub struct NoteEditArgs {
    /// The note's id (as listed).
    pub id: String,
    /// A new step (1–6).
    #[arg(long, conflicts_with = "no_step")]
    pub step: Option<i32>,
    /// Remove the step.
    #[arg(long)]
    pub no_step: bool,
    /// Remove all tags.
    #[arg(long)]
    pub clear_tags: bool,
    /// Print the changed note as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `mend note search`: asks for (or reads) the words to find and a tag to keep to.
#[derive(Debug, Args)]
pub struct NoteSearchArgs {
    /// Only notes of this step.
    #[arg(long)]
    pub step: Option<i32>,
    /// Skip this many notes.
    #[arg(long, default_value_t = 0)]
    pub offset: i32,
    /// Show at most this many notes (1–500).
    #[arg(long, default_value_t = 50)]
    pub limit: i32,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}
