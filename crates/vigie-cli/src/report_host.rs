//! `vigie report host`: the host-compliance report of one notifier (a hosting provider, or
//! any notifier): every notice it sent, when it was received, decided and answered, its
//! deadline, met or missed, and the outcome. The document a platform hands its host to show
//! that flagged content is handled.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use vigie_store::{format_time, now_micros, parse_time};

use crate::serve::StoreArgs;

/// Output formats of the report.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HostFormat {
    /// A self-contained HTML page.
    #[default]
    Html,
    /// One line per notice (RFC 4180).
    Csv,
    /// The report as JSON (times in unix microseconds), with its totals.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct HostArgs {
    /// The notifier, by name (as its notify key was created with `--notifier`).
    #[arg(long)]
    pub notifier: String,
    /// Notices received from this time (RFC 3339 or unix seconds); default: the first.
    #[arg(long)]
    pub from: Option<String>,
    /// Notices received before this time; default: now.
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value_t = HostFormat::Html)]
    pub format: HostFormat,
    /// Output file; default: standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Renders a host-compliance report in `format`.
pub fn render(report: &vigie_store::vigie_review::HostReport, format: HostFormat) -> String {
    match format {
        HostFormat::Html => report.to_html(&format_time),
        HostFormat::Csv => report.to_csv(&format_time),
        HostFormat::Json => {
            let value = serde_json::json!({
                "report": report,
                "totals": report.totals(),
            });
            // A report of plain strings and integers always serialises.
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
    }
}

pub fn run(args: &HostArgs) -> anyhow::Result<()> {
    let from = args.from.as_deref().map(parse_time).transpose()?;
    let to = args.to.as_deref().map(parse_time).transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f >= t
    {
        anyhow::bail!("--from must be before --to");
    }
    let config = args.store.config()?;
    let report = StoreArgs::runtime()?.block_on(async {
        let store = StoreArgs::open(&config).await?;
        let report = store
            .host_report(&args.notifier, from, to, now_micros())
            .await;
        store.close().await;
        anyhow::Ok(report?)
    })?;
    let Some(report) = report else {
        anyhow::bail!("no notifier named {:?}", args.notifier);
    };
    let text = render(&report, args.format);
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .context("writing the report")?;
            stdout.flush().context("writing the report")?;
        }
    }
    let t = report.totals();
    eprintln!(
        "{}: {} notices, {} deadlines met, {} missed, {} pending",
        args.notifier, t.notices, t.met, t.missed, t.pending
    );
    Ok(())
}
