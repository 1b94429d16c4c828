//! `vigie`: the command-line front of the moderation engine.

mod audit;
mod bench;
mod engine_args;
mod eval;
mod explain;
mod export;
mod input;
mod keys;
mod out;
mod policy_cmd;
mod report;
mod report_host;
mod scan;
mod serve;
mod train;
mod users;

use clap::{Parser, Subcommand};

// The service allocates per request (hyper's buffers, JSON, the store's owned copy of each
// post) on several threads at once: mimalloc took server CPU per request from 100-106 to
// 89-97 µs under load (docs/load.md), where glibc's malloc was ~7 % of the samples.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "vigie",
    version,
    about = "Content moderation that works, fast, and explains itself."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decide every post of a JSONL or CSV file; decisions are written as JSONL.
    Scan(scan::ScanArgs),
    /// Decide one text and show why, with the evidence marked.
    Explain(explain::ExplainArgs),
    /// Work with policy files.
    #[command(subcommand)]
    Policy(policy_cmd::PolicyCommand),
    /// Measure the pipeline's speed on a corpus in memory (scoring loop only), per core.
    Bench(bench::BenchArgs),
    /// Train the built-in classifier and write a model file.
    Train(train::TrainArgs),
    /// Evaluate a model on labelled posts: precision, recall, F1, AUPRC per category and language.
    Eval(eval::EvalArgs),
    /// Run the HTTP service: decisions over a JSON API, stored durably and audited.
    Serve(serve::ServeArgs),
    /// Check the audit log.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Create, list and revoke API keys.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Create and list moderators' accounts (roles: triage, moderator, admin, auditor).
    #[command(subcommand)]
    Users(users::UsersCommand),
    /// Export moderators' decisions (training rows for `vigie train`).
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Transparency report of a period (HTML with charts, CSV, JSON); `report host`: the
    /// host-compliance report of one notifier.
    Report(report::ReportArgs),
}

fn main() {
    let cli = Cli::parse();
    let result = run(cli);
    // A reader that closed the pipe (`vigie scan big.jsonl | head`) got what it wanted.
    if let Err(e) = &result {
        let closed_pipe = e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        });
        if closed_pipe {
            std::process::exit(0);
        }
        // `{:#}` prints the whole chain of causes on one line, without a backtrace: the
        // message is for the person who ran the command.
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Scan(args) => scan::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Policy(cmd) => policy_cmd::run(&cmd),
        Command::Bench(args) => bench::run(&args),
        Command::Train(args) => train::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Audit(cmd) => audit::run(&cmd),
        Command::Keys(cmd) => keys::run(&cmd),
        Command::Users(cmd) => users::run(&cmd),
        Command::Export(cmd) => export::run(&cmd),
        Command::Report(args) => report::run(&args),
    }
}
