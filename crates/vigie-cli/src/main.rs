//! `vigie`: the command-line front of the moderation engine.

mod eval;
mod train;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "vigie", version, about = "Content moderation that works, fast, and explains itself.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Train the built-in classifier and write a model file.
    Train(train::TrainArgs),
    /// Evaluate a model on labelled posts: precision, recall, F1, AUPRC per category and language.
    Eval(eval::EvalArgs),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Train(args) => train::run(&args),
        Command::Eval(args) => eval::run(&args),
    }
}
