//! `vigie report --from … --to …`: the transparency report of a period (DSA Art. 15 and 24)
//! as `report.html` (charts as inline SVG), `report.csv` and `report.json`, all three from the
//! same figures. `vigie report host --notifier …` is the host-compliance report
//! (`report_host.rs`).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use vigie_store::parse_time;

use crate::serve::StoreArgs;

#[derive(clap::Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub command: Option<ReportCommand>,
    /// Start of the period (RFC 3339 or unix seconds), inclusive.
    #[arg(long, required = true)]
    pub from: Option<String>,
    /// End of the period, exclusive.
    #[arg(long, required = true)]
    pub to: Option<String>,
    /// Directory for report.html, report.csv and report.json (created if missing)
    /// [default: report].
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// The platform's name, in the report's title.
    #[arg(long, default_value = "vigie")]
    pub platform: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(clap::Subcommand, Debug)]
pub enum ReportCommand {
    /// Host-compliance report: every notice of one notifier, its deadline, met or missed,
    /// and the outcome.
    Host(crate::report_host::HostArgs),
}

pub fn run(args: &ReportArgs) -> anyhow::Result<()> {
    if let Some(ReportCommand::Host(host)) = &args.command {
        return crate::report_host::run(host);
    }
    let (Some(from), Some(to)) = (&args.from, &args.to) else {
        anyhow::bail!("--from and --to are required");
    };
    let from = parse_time(from)?;
    let to = parse_time(to)?;
    let dir = args.out.clone().unwrap_or_else(|| PathBuf::from("report"));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let config = args.store.config()?;
    let started = Instant::now();
    let figures = StoreArgs::runtime()?.block_on(async {
        let store = StoreArgs::open(&config).await?;
        let figures = store.transparency_figures(from, to).await;
        store.close().await;
        anyhow::Ok(figures?)
    })?;
    let queried = started.elapsed();
    let html = figures.to_html(&args.platform)?;
    let csv = figures.to_csv();
    let json = figures.to_json()?;
    for (name, text) in [
        ("report.html", html.as_str()),
        ("report.csv", csv.as_str()),
        ("report.json", json.as_str()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    let total = started.elapsed();
    eprintln!(
        "report of {} decisions, {} restrictions, {} notices written to {} in {:.2} s (queries {:.2} s)",
        figures.posts_decided,
        figures.restrictions,
        figures.notices.received,
        dir.display(),
        total.as_secs_f64(),
        queried.as_secs_f64()
    );
    Ok(())
}
