//! `vigie export training`: moderators' final decisions on posts as training rows (JSONL,
//! the format `vigie train` reads), so that people's corrections feed the classifier.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use vigie_store::parse_time;

use crate::serve::StoreArgs;

#[derive(clap::Subcommand, Debug)]
pub enum ExportCommand {
    /// Cases resolved since a time, one row per post: 1 for the categories a moderator
    /// confirmed, 0 for the flagged ones a moderator cleared, nothing for the rest.
    Training {
        /// RFC 3339 time or unix seconds; default: everything.
        #[arg(long)]
        since: Option<String>,
        /// Output file; default: standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
}

pub fn run(cmd: &ExportCommand) -> anyhow::Result<()> {
    let ExportCommand::Training { since, out, store } = cmd;
    let since = since
        .as_deref()
        .map(parse_time)
        .transpose()?
        .unwrap_or(i64::MIN);
    let config = store.config()?;
    let rows = StoreArgs::runtime()?.block_on(async {
        let store = StoreArgs::open(&config).await?;
        let rows = store.training_rows(since).await;
        store.close().await;
        anyhow::Ok(rows?)
    })?;
    let mut writer: Box<dyn Write> = match out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    for row in &rows {
        writeln!(writer, "{}", row.to_jsonl()).context("writing a training row")?;
    }
    writer.flush().context("writing training rows")?;
    eprintln!("{} training rows", rows.len());
    Ok(())
}
