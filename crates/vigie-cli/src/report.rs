//! `vigie report --from … --to …`: the transparency report of a period (DSA Art. 15 and 24)
//! as `report.html` (charts as inline SVG), `report.csv` and `report.json`, all three from the
//! same figures. `vigie report host --notifier …` is the host-compliance report
//! (`report_host.rs`).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use vigie_store::vigie_review::{
    Actor, AppealOutcome, DeadlineSource, DecideOutcome, DecisionInput, ModeratorAction,
    NotifierKind, ReviewConfig, Role, Subject,
};
use vigie_store::{CaseChange, ClockSettings, NewNotice, NewPost, Store, format_time, parse_time};

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
    /// Fills a (fresh) store with a month of synthetic activity for benchmarks: decisions,
    /// cases decided by moderators, notices of every kind with deadlines met and missed,
    /// appeals. Prints the period to report on.
    #[command(hide = true)]
    GenerateMonth(GenerateArgs),
}

#[derive(clap::Args, Debug)]
pub struct GenerateArgs {
    /// Posts decided (about 15 % restricted).
    #[arg(long, default_value_t = 100_000)]
    pub decisions: usize,
    #[arg(long, default_value_t = 1_000)]
    pub notices: usize,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: &ReportArgs) -> anyhow::Result<()> {
    match &args.command {
        Some(ReportCommand::Host(host)) => return crate::report_host::run(host),
        Some(ReportCommand::GenerateMonth(g)) => return generate_month(g),
        None => {}
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

/// A small deterministic generator (xorshift64*): the bench data must be the same on every
/// run, and this needs no dependency for a few million draws.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// In [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const HOUR: i64 = 3_600_000_000;
const DAY: i64 = 24 * HOUR;
const CATEGORIES: [&str; 5] = [
    "hate",
    "violence_threat",
    "incitement",
    "harassment",
    "toxicity",
];

fn synthetic_decision(post_id: &str, draw: &mut Draw) -> anyhow::Result<vigie_policy::Decision> {
    use vigie_policy::Action;
    let x = draw.unit();
    let action = match x {
        x if x < 0.85 => Action::Allow,
        x if x < 0.89 => Action::Label,
        x if x < 0.92 => Action::Demote,
        x if x < 0.96 => Action::HoldForReview,
        x if x < 0.995 => Action::Remove,
        _ => Action::EscalateUrgent,
    };
    let category = CATEGORIES[draw.below(CATEGORIES.len() as u64) as usize];
    let restricted = action != Action::Allow;
    serde_json::from_value(serde_json::json!({
        "post_id": post_id, "action": action.name(),
        "reason_code": if restricted { serde_json::Value::from(format!("{category}.rule")) } else { serde_json::Value::Null },
        "category": if restricted { serde_json::Value::from(category) } else { serde_json::Value::Null },
        "categories": [], "evidence": [], "targets": [], "rules": [],
        "lang": if draw.unit() < 0.6 { "en" } else { "fr" },
        "lang_confidence": 0.9, "policy_version": "bench", "detectors": [], "latency_us": 2
    }))
    .context("building a synthetic decision")
}

/// One moderator decision on a case at `at` (claim, then decide); false when the case
/// cannot be decided (already decided, …).
async fn moderate(
    store: &Store,
    case_id: &str,
    action: ModeratorAction,
    category: &str,
    at: i64,
) -> anyhow::Result<bool> {
    let config = store.review_config();
    let mona = Actor::new("bench-moderator", Role::Moderator);
    let change = CaseChange {
        actor: "user:bench-moderator",
        kind: "case.claim",
        now: at,
        config: &config,
        webhook_endpoint: None,
    };
    let claimed = store
        .change_case(case_id, &change, |c| {
            c.claim(&mona, at, &config.lease)?;
            Ok(((), vec![]))
        })
        .await;
    if claimed.is_err() {
        return Ok(false);
    }
    let decided = CaseChange {
        kind: "case.decide",
        ..change
    };
    let category = vigie_detect::Category::from_name(category);
    let outcome = store
        .change_case(case_id, &decided, |c| {
            let input = DecisionInput {
                action,
                reason_code: "bench.rule".into(),
                note: None,
                categories: category.into_iter().collect(),
            };
            match c.decide(&mona, input, &config, at)? {
                DecideOutcome::Resolved { effects, .. } => Ok(((), effects)),
                DecideOutcome::PendingSecondReview { .. } => Ok(((), vec![])),
            }
        })
        .await;
    Ok(outcome.is_ok())
}

fn generate_month(args: &GenerateArgs) -> anyhow::Result<()> {
    let config = args.store.config()?;
    StoreArgs::runtime()?.block_on(async {
        let store = StoreArgs::open(&config).await?;
        let result = fill_month(&store, args).await;
        store.close().await;
        result
    })
}

async fn fill_month(store: &Store, args: &GenerateArgs) -> anyhow::Result<()> {
    let mut review = ReviewConfig::example().unwrap_or_default();
    // One synthetic moderator decides everything: no second review.
    review.second_review.urgent = false;
    review.second_review.escalated = false;
    review.second_review.actions.clear();
    review.second_review.categories.clear();
    review.second_review.min_priority = None;
    store.set_review_config(review.clone());
    let mut draw = Draw(args.seed.max(1));
    let start = vigie_store::now_micros();
    let started = Instant::now();
    let context = vigie_policy::PostContext::default();
    let mut post_ids = Vec::with_capacity(args.decisions);
    for chunk_start in (0..args.decisions).step_by(500) {
        let end = (chunk_start + 500).min(args.decisions);
        let rows: Vec<(String, String, vigie_policy::Decision)> = (chunk_start..end)
            .map(|i| {
                let id = format!("bench-{i:07}");
                let author = format!("author-{}", draw.below(20_000));
                let d = synthetic_decision(&id, &mut draw)?;
                anyhow::Ok((id, author, d))
            })
            .collect::<anyhow::Result<_>>()?;
        let posts: Vec<NewPost> = rows
            .iter()
            .map(|(id, author, d)| NewPost {
                platform: "bench",
                post_id: id,
                author: Some(author),
                text: "synthetic post",
                context: &context,
                decision: d,
            })
            .collect();
        store.record_posts(&posts, "bench", "[]").await?;
        post_ids.extend(
            rows.into_iter()
                .map(|(id, author, d)| (id, author, d.action)),
        );
    }
    eprintln!(
        "{} decisions stored in {:.1} s",
        args.decisions,
        started.elapsed().as_secs_f64()
    );

    // Moderators decide 80 % of the cases vigie opened (all opened just now, when the posts
    // were stored), most within hours: exponential delays with a mean of three hours.
    let opened = vigie_store::now_micros();
    let mut case_ids = std::collections::BTreeSet::new();
    for queue in &review.queues {
        for case in store.list_queue(queue, &review, start, usize::MAX).await? {
            case_ids.insert(case.id);
        }
    }
    let mut decided = Vec::new();
    for id in &case_ids {
        if draw.unit() >= 0.8 {
            continue;
        }
        let delay = -(1.0 - draw.unit()).ln() * 3.0 * HOUR as f64;
        let at = opened + (delay as i64).min(20 * DAY);
        let action = match draw.below(10) {
            0..=5 => ModeratorAction::Remove,
            6 => ModeratorAction::Demote,
            7 => ModeratorAction::Label,
            8 => ModeratorAction::NoAction,
            _ => ModeratorAction::Restore,
        };
        let category = CATEGORIES[draw.below(CATEGORIES.len() as u64) as usize];
        if moderate(store, id, action, category, at).await? && action.is_adverse() {
            decided.push((id.clone(), at));
        }
    }
    eprintln!(
        "{} cases, {} adverse moderator decisions ({:.1} s)",
        case_ids.len(),
        decided.len(),
        started.elapsed().as_secs_f64()
    );

    // Notices of every kind on allowed posts, received over the month; most decided in time.
    let allowed: Vec<&(String, String, vigie_policy::Action)> = post_ids
        .iter()
        .filter(|(_, _, a)| *a == vigie_policy::Action::Allow)
        .collect();
    let mut notices = 0;
    for n in 0..args.notices {
        let Some((post_id, author, _)) = allowed.get(n * 7 % allowed.len().max(1)) else {
            break;
        };
        let (kind, window) = match draw.below(20) {
            0..=7 => (NotifierKind::User, 72 * HOUR),
            8..=11 => (NotifierKind::TrustedFlagger, 48 * HOUR),
            12..=16 => (NotifierKind::HostingProvider, 24 * HOUR),
            17..=18 => (NotifierKind::Authority, HOUR),
            _ => (NotifierKind::Other, 72 * HOUR),
        };
        let received = start + (draw.unit() * 29.0 * DAY as f64) as i64;
        let created = store
            .create_notice(
                NewNotice {
                    notifier: format!("bench-{}", kind.name()),
                    kind,
                    subjects: vec![Subject::Post {
                        platform: "bench".into(),
                        post_id: post_id.clone(),
                        author: Some(author.clone()),
                    }],
                    category: Some(CATEGORIES[draw.below(5) as usize].to_string()),
                    legal_ground: None,
                    policy_clause: Some("terms".into()),
                    explanation: "synthetic notice".into(),
                    reference: None,
                    threat_to_life: false,
                    deadline: received + window,
                    deadline_source: DeadlineSource::Config,
                },
                &review,
                &[0.5, 0.8],
                "key:bench",
                received,
            )
            .await?;
        notices += 1;
        if draw.unit() < 0.92 {
            // Most within the deadline, some late.
            let delay = (draw.unit() * 1.15 * window as f64) as i64;
            let action = if draw.unit() < 0.7 {
                ModeratorAction::Remove
            } else {
                ModeratorAction::NoAction
            };
            let category = CATEGORIES[draw.below(5) as usize];
            for case in &created.cases {
                if moderate(store, &case.id, action, category, received + delay).await?
                    && action.is_adverse()
                {
                    decided.push((case.id.clone(), received + delay));
                }
            }
        }
    }
    let end = start + 31 * DAY;
    store
        .run_notice_clocks(
            end,
            &ClockSettings {
                warn_at: &[0.5, 0.8],
                config: &review,
                alert_endpoint: None,
                changed_since: None,
            },
            1_000_000,
        )
        .await?;

    // Authors appeal 5 % of adverse decisions; a third reversed, a third upheld.
    let reviewer = Actor::new("bench-appeals", Role::Moderator);
    let mut appeals = 0;
    for (case_id, at) in &decided {
        if draw.unit() >= 0.05 {
            continue;
        }
        let Some(case) = store.case(case_id).await? else {
            continue;
        };
        let Some(author) = case.subject.author().map(str::to_string) else {
            continue;
        };
        let filed = at + HOUR;
        let outcome = match draw.below(3) {
            0 => Some(AppealOutcome::Reversed),
            1 => Some(AppealOutcome::Upheld),
            _ => None,
        };
        let change = CaseChange {
            actor: "user:author",
            kind: "case.appeal",
            now: filed,
            config: &review,
            webhook_endpoint: None,
        };
        let ok = store
            .change_case(case_id, &change, |c| {
                c.appeal(&author, "synthetic appeal", &review, filed)?;
                Ok(((), vec![]))
            })
            .await
            .is_ok();
        if !ok {
            continue;
        }
        appeals += 1;
        if let Some(outcome) = outcome {
            let resolve = CaseChange {
                actor: "user:bench-appeals",
                kind: "case.appeal.resolve",
                now: filed + DAY,
                ..change
            };
            let _ = store
                .change_case(case_id, &resolve, |c| {
                    c.assign_appeal(&reviewer, filed + DAY)?;
                    let effects =
                        c.resolve_appeal(&reviewer, outcome, None, &review, filed + DAY)?;
                    Ok(((), effects))
                })
                .await;
        }
    }
    eprintln!(
        "{notices} notices, {appeals} appeals; generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // Whole hours, so the period reads well in the report's title.
    let from = start - start.rem_euclid(HOUR);
    println!(
        "--from {} --to {}",
        format_time(from),
        format_time(end - end.rem_euclid(HOUR) + HOUR)
    );
    Ok(())
}
