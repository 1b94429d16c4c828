//! `vigie export training`: moderators' final decisions on posts as training rows (JSONL,
//! the format `vigie train` reads), so that people's corrections feed the classifier.
//!
//! `vigie export sor`: statements of reasons (DSA Art. 17) of the restrictions applied in a
//! period, validated against the Transparency Database's schema, written as JSON batches of at
//! most 100 (`{"statements": [...]}`, the batch endpoint's body); with `--submit`, each batch
//! is posted to the endpoint with a bearer token (see [`submit_batch`] for retries).

use std::io::Write;
use std::path::PathBuf;

use std::collections::HashMap;
use std::time::Duration;

use anyhow::Context;
use vigie_store::vigie_report::{self, SorConfig};
use vigie_store::{SorReceipt, StatementOutcome, Store, StoredStatement, parse_time};

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
    /// Statements of reasons of the restrictions applied in a period, as JSON batches of at
    /// most 100, each statement validated against the DSA schema first.
    Sor(SorArgs),
}

#[derive(clap::Args, Debug)]
pub struct SorArgs {
    /// Restrictions applied from this time (RFC 3339 or unix seconds).
    #[arg(long)]
    pub since: String,
    /// Restrictions applied before this time; default: now.
    #[arg(long)]
    pub until: Option<String>,
    /// Directory for the batch files (created if missing) [default: sor-export].
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Platform settings for statements (TOML: territorial_scope, terms_url, clauses,
    /// illegal, incompatible_also_illegal); default: the built-in settings.
    #[arg(long, value_name = "FILE")]
    pub sor_config: Option<PathBuf>,
    /// Post each batch to this Transparency Database endpoint: a base URL
    /// (`…/api/v1/statements` is appended) or the batch endpoint itself.
    /// Also read from VIGIE_SOR_ENDPOINT.
    #[arg(long, value_name = "URL")]
    pub submit: Option<String>,
    /// Bearer token for `--submit`; better given as VIGIE_SOR_TOKEN (command lines are
    /// visible to other users of the machine).
    #[arg(long)]
    pub token: Option<String>,
    /// Attempts per batch on server errors (5xx) and network errors.
    #[arg(long, default_value_t = 5)]
    pub max_attempts: u32,
    /// First retry delay in milliseconds; doubled on each retry.
    #[arg(long, default_value_t = 1000)]
    pub retry_base_ms: u64,
    /// Statements already accepted by the endpoint are exported again (default: skipped).
    #[arg(long)]
    pub include_submitted: bool,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(cmd: &ExportCommand) -> anyhow::Result<()> {
    let (since, out, store) = match cmd {
        ExportCommand::Training { since, out, store } => (since, out, store),
        ExportCommand::Sor(args) => return run_sor(args),
    };
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

/// The Transparency Database takes at most this many statements per batch.
const BATCH_SIZE: usize = 100;

fn run_sor(args: &SorArgs) -> anyhow::Result<()> {
    let since = parse_time(&args.since)?;
    let until = args
        .until
        .as_deref()
        .map(parse_time)
        .transpose()?
        .unwrap_or_else(vigie_store::now_micros);
    let sor_config: SorConfig = match &args.sor_config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            toml::from_str(&text).with_context(|| format!("reading {}", path.display()))?
        }
        None => SorConfig::default(),
    };
    let submit = args.submit.clone().or_else(|| {
        std::env::var("VIGIE_SOR_ENDPOINT")
            .ok()
            .filter(|s| !s.is_empty())
    });
    let token = args.token.clone().or_else(|| {
        std::env::var("VIGIE_SOR_TOKEN")
            .ok()
            .filter(|s| !s.is_empty())
    });
    if submit.is_some() && token.is_none() {
        anyhow::bail!("--submit needs --token (or VIGIE_SOR_TOKEN)");
    }
    let target = submit.zip(token);
    let dir = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("sor-export"));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let config = args.store.config()?;
    let summary = StoreArgs::runtime()?.block_on(async {
        let store = StoreArgs::open(&config).await?;
        let result = export_and_submit(
            &store,
            args,
            target.as_ref(),
            since,
            until,
            &sor_config,
            &dir,
        )
        .await;
        store.close().await;
        result
    })?;
    eprintln!(
        "{} statements in {} batches written to {}; {} refused by validation{}",
        summary.exported,
        summary.batches,
        dir.display(),
        summary.refused,
        if summary.submitted {
            format!(
                "; submitted: {} accepted, {} rejected (422), {} not accepted (retry later)",
                summary.accepted, summary.rejected, summary.failed
            )
        } else {
            String::new()
        }
    );
    if summary.refused > 0 || summary.rejected > 0 || summary.failed > 0 {
        anyhow::bail!(
            "{} statements refused by validation, {} rejected, {} not accepted (see above)",
            summary.refused,
            summary.rejected,
            summary.failed
        );
    }
    Ok(())
}

#[derive(Debug, Default)]
struct SorSummary {
    exported: usize,
    batches: usize,
    refused: usize,
    accepted: usize,
    rejected: usize,
    failed: usize,
    submitted: bool,
}

async fn export_and_submit(
    store: &Store,
    args: &SorArgs,
    target: Option<&(String, String)>,
    since: i64,
    until: i64,
    sor_config: &SorConfig,
    dir: &std::path::Path,
) -> anyhow::Result<SorSummary> {
    let set = store.statements_between(since, until, sor_config).await?;
    let mut summary = SorSummary {
        refused: set.refused.len(),
        submitted: target.is_some(),
        ..SorSummary::default()
    };
    for refused in &set.refused {
        eprintln!("refused {}: {}", refused.restriction_id, refused.error);
    }
    let schema = vigie_store::sor_schema()?;
    let statements: Vec<&StoredStatement> = set
        .statements
        .iter()
        .filter(|s| args.include_submitted || s.state != vigie_store::STATE_SUBMITTED)
        .collect();
    let client = match target {
        Some(_) => Some(
            reqwest::Client::builder()
                .timeout(Duration::from_secs(60))
                .build()
                .context("starting the HTTP client")?,
        ),
        None => None,
    };
    let tag = format!("{}", since / 1_000_000);
    for (n, chunk) in statements.chunks(BATCH_SIZE).enumerate() {
        // Validated again right before export: a stored statement may predate a schema update.
        let mut body = Vec::with_capacity(chunk.len());
        for s in chunk {
            let json = s.statement.to_json();
            vigie_report::validate_json(&json, schema)?;
            body.push(json);
        }
        let file = dir.join(format!("sor-{tag}-{:05}.json", n + 1));
        let text = serde_json::to_string_pretty(&serde_json::json!({ "statements": body }))?;
        std::fs::write(&file, text.as_bytes())
            .with_context(|| format!("writing {}", file.display()))?;
        let puids: Vec<String> = chunk.iter().map(|s| s.puid.clone()).collect();
        let batch = store
            .record_sor_batch(&puids, Some(&file.display().to_string()))
            .await?;
        summary.exported += chunk.len();
        summary.batches += 1;
        if let (Some(client), Some((url, token))) = (&client, target) {
            let endpoint = batch_endpoint(url);
            let policy = RetryPolicy {
                max_attempts: args.max_attempts.max(1),
                base: Duration::from_millis(args.retry_base_ms),
            };
            let outcome = submit_batch(
                store, client, &endpoint, token, &batch.id, &puids, &text, &policy,
            )
            .await?;
            for (_, o) in &outcome {
                match o {
                    StatementOutcome::Submitted { .. } => summary.accepted += 1,
                    StatementOutcome::Rejected { error } => {
                        summary.rejected += 1;
                        eprintln!("rejected: {error}");
                    }
                    StatementOutcome::NotSent { .. } => summary.failed += 1,
                }
            }
        }
    }
    Ok(summary)
}

/// `…/api/v1/statements` unless the URL already names it.
fn batch_endpoint(url: &str) -> String {
    let url = url.trim_end_matches('/');
    if url.ends_with("/statements") {
        url.to_string()
    } else {
        format!("{url}/api/v1/statements")
    }
}

struct RetryPolicy {
    max_attempts: u32,
    base: Duration,
}

/// What one attempt got back: a status (0 when no answer came) and the body.
struct Answer {
    status: u16,
    body: String,
}

/// Posts one batch. 201: every statement is submitted (with the id the endpoint gave it).
/// 5xx or no answer: retried after `base`, `2 × base`, `4 × base`… up to `max_attempts`, then
/// left to the next submission. 422: not retried; statements the answer names are rejected
/// with their errors, the others were not stored by the endpoint (a batch is all or nothing)
/// and go again next time. 401/403 and other codes stop the export. Every attempt is stored as
/// a receipt.
#[allow(clippy::too_many_arguments)]
async fn submit_batch(
    store: &Store,
    client: &reqwest::Client,
    endpoint: &str,
    token: &str,
    batch_id: &str,
    puids: &[String],
    body: &str,
    policy: &RetryPolicy,
) -> anyhow::Result<Vec<(String, StatementOutcome)>> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let answer = match client
            .post(endpoint)
            .bearer_auth(token)
            .header("accept", "application/json")
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
        {
            Ok(response) => {
                let status = response.status().as_u16();
                let body = response.text().await.unwrap_or_default();
                Answer { status, body }
            }
            Err(e) => Answer {
                status: 0,
                body: format!("no answer: {e}"),
            },
        };
        store
            .record_sor_receipt(&SorReceipt {
                batch_id: batch_id.to_string(),
                attempt: i64::from(attempt),
                endpoint: endpoint.to_string(),
                status: i64::from(answer.status),
                body: answer.body.chars().take(65_536).collect(),
                at: vigie_store::now_micros(),
            })
            .await?;
        let retryable = answer.status == 0 || answer.status >= 500;
        if retryable && attempt < policy.max_attempts {
            let delay = policy.base.saturating_mul(1u32 << (attempt - 1).min(16));
            tokio::time::sleep(delay).await;
            continue;
        }
        let attempts = i64::from(attempt);
        let (state, outcomes) = match answer.status {
            200 | 201 => (
                vigie_store::STATE_SUBMITTED,
                accepted_outcomes(puids, &answer.body),
            ),
            422 => (
                vigie_store::STATE_REJECTED,
                rejected_outcomes(puids, &answer.body),
            ),
            401 | 403 => {
                let outcomes = not_sent(puids, &format!("HTTP {}", answer.status));
                store
                    .finish_sor_batch(batch_id, vigie_store::STATE_FAILED, attempts, &outcomes)
                    .await?;
                anyhow::bail!(
                    "the endpoint refused the token (HTTP {}): {}",
                    answer.status,
                    answer.body
                );
            }
            status => (
                vigie_store::STATE_FAILED,
                not_sent(
                    puids,
                    &if status == 0 {
                        answer.body.clone()
                    } else {
                        format!("HTTP {status} after {attempt} attempts")
                    },
                ),
            ),
        };
        store
            .finish_sor_batch(batch_id, state, attempts, &outcomes)
            .await?;
        return Ok(outcomes);
    }
}

fn not_sent(puids: &[String], error: &str) -> Vec<(String, StatementOutcome)> {
    puids
        .iter()
        .map(|p| {
            (
                p.clone(),
                StatementOutcome::NotSent {
                    error: error.to_string(),
                },
            )
        })
        .collect()
}

/// 201: `{"statements": [{"puid": …, "uuid": …}, …]}` (the ids are kept when given).
fn accepted_outcomes(puids: &[String], body: &str) -> Vec<(String, StatementOutcome)> {
    let answer: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let ids: HashMap<String, String> = answer
        .get("statements")
        .and_then(|s| s.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|i| {
                    let puid = i.get("puid")?.as_str()?.to_string();
                    let id = i.get("uuid").or_else(|| i.get("id")).map(|v| {
                        v.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| v.to_string())
                    })?;
                    Some((puid, id))
                })
                .collect()
        })
        .unwrap_or_default();
    puids
        .iter()
        .map(|p| {
            (
                p.clone(),
                StatementOutcome::Submitted {
                    remote_id: ids.get(p).cloned(),
                },
            )
        })
        .collect()
}

/// 422: `{"message": …, "errors": {"statements.3.puid": ["…"], …}}` names the statements by
/// their place in the batch; a statement the answer does not name was not at fault.
fn rejected_outcomes(puids: &[String], body: &str) -> Vec<(String, StatementOutcome)> {
    let answer: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let mut errors: HashMap<usize, Vec<String>> = HashMap::new();
    if let Some(map) = answer.get("errors").and_then(|e| e.as_object()) {
        for (key, messages) in map {
            let index = key
                .strip_prefix("statements.")
                .and_then(|rest| rest.split('.').next())
                .and_then(|i| i.parse::<usize>().ok());
            let text = match messages {
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|m| {
                        m.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| m.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| other.to_string()),
            };
            let field = key.splitn(3, '.').nth(2).unwrap_or(key);
            if let Some(i) = index {
                errors
                    .entry(i)
                    .or_default()
                    .push(format!("{field}: {text}"));
            }
        }
    }
    let message = answer
        .get("message")
        .and_then(|m| m.as_str())
        .unwrap_or("rejected (HTTP 422)")
        .to_string();
    let whole_batch = errors.is_empty();
    puids
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let outcome = match errors.get(&i) {
                Some(list) => StatementOutcome::Rejected {
                    error: list.join("; "),
                },
                // Nothing says which statement is at fault: all of them are rejected.
                None if whole_batch => StatementOutcome::Rejected {
                    error: message.clone(),
                },
                None => StatementOutcome::NotSent {
                    error: format!("batch rejected for other statements: {message}"),
                },
            };
            (p.clone(), outcome)
        })
        .collect()
}
