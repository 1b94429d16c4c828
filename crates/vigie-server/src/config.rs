//! The service's settings: defaults, then the TOML file, then `VIGIE_<KEY>` environment
//! variables, then command-line flags (applied by the caller).

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    Json,
    #[default]
    Text,
}

impl std::str::FromStr for LogFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "json" => Ok(LogFormat::Json),
            "text" => Ok(LogFormat::Text),
            other => Err(format!(
                "unknown log format {other:?} (expected json or text)"
            )),
        }
    }
}

/// Every setting of `vigie serve`. Each key can be set in the config file or as
/// `VIGIE_<KEY>` (upper case), e.g. `VIGIE_MAX_BATCH=50`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// Address to listen on.
    pub listen: String,
    /// Directory of the embedded SQLite database (used when `database_url` is not set).
    pub data_dir: PathBuf,
    /// `postgres://…` (or `sqlite:…`) instead of the data directory.
    pub database_url: Option<String>,
    pub log_format: LogFormat,
    /// Policy file put in force at start-up (when it differs from the stored one).
    pub policy: Option<PathBuf>,
    /// Extra lexicon files.
    pub lexicons: Vec<PathBuf>,
    pub watchlist: Option<PathBuf>,
    /// Classifier model file instead of the embedded one.
    pub model: Option<PathBuf>,
    pub no_classifier: bool,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Longest post text accepted, in characters.
    pub max_post_chars: usize,
    /// Most posts in one `POST /v1/posts:batch`.
    pub max_batch: usize,
    /// Requests taking longer are answered with a `timeout` error.
    pub request_timeout_ms: u64,
    /// Sustained requests per second allowed per API key (0: no limit).
    pub rate_limit_per_second: u32,
    /// Requests a key may send at once above the sustained rate.
    pub rate_limit_burst: u32,
    /// Most stored posts one backtest re-decides.
    pub backtest_max_posts: u32,
    /// How often to check whether another server changed the stored policy (0: never).
    pub policy_poll_ms: u64,
    /// The review workflow's TOML file (queues, leases, strikes, appeals, webhook retries);
    /// without it the built-in example (`vigie-review/review.toml`).
    pub review_config: Option<PathBuf>,
    /// Where moderators' actions are sent (POST, JSON, signed); none: no webhooks.
    pub webhook_url: Option<String>,
    /// HMAC-SHA256 secret of the webhook signatures (better passed as VIGIE_WEBHOOK_SECRET).
    pub webhook_secret: Option<String>,
    /// A webhook attempt without an answer after this long counts as failed.
    pub webhook_timeout_ms: u64,
    /// How often the delivery task looks for webhooks due.
    pub webhook_poll_ms: u64,
    /// Tests only: the server's clock stands still and `POST /v1/test/clock` moves it.
    /// Never in production: whoever holds an admin key could then move time.
    pub test_clock: bool,
    /// How long an API key read from the database is trusted before it is read again, in
    /// milliseconds: the longest a key revoked by another process (`vigie keys revoke`,
    /// another server) keeps working here. Revocations through this server apply at once.
    /// 0: every request reads its key from the database.
    pub key_cache_ms: u64,
    /// Notices: default deadlines per kind of notifier and the clock's warning fractions
    /// (`[notices] warn_at = [0.5, 0.9]`, `[notices.deadline_minutes] authority = 60`…).
    pub notices: vigie_review::NoticeConfig,
    /// Where the notice clock alerts admins (deadline warnings and breaches); default:
    /// `webhook_url`.
    pub notice_alert_url: Option<String>,
    /// How often the notice clock runs (0: never).
    pub notice_clock_poll_ms: u64,
    /// Resolved cases and their evidence are purged this many days after their last event
    /// (at least 183, six months), unless under a legal hold.
    pub retention_days: u32,
    /// How often the retention purge runs (0: never).
    pub retention_poll_ms: u64,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: "127.0.0.1:8080".to_string(),
            data_dir: PathBuf::from("vigie-data"),
            database_url: None,
            log_format: LogFormat::Text,
            policy: None,
            lexicons: Vec::new(),
            watchlist: None,
            model: None,
            no_classifier: false,
            max_body_bytes: 1 << 20,
            max_post_chars: 20_000,
            max_batch: 100,
            request_timeout_ms: 10_000,
            rate_limit_per_second: 200,
            rate_limit_burst: 400,
            backtest_max_posts: 10_000,
            policy_poll_ms: 5_000,
            review_config: None,
            webhook_url: None,
            webhook_secret: None,
            webhook_timeout_ms: 5_000,
            webhook_poll_ms: 1_000,
            test_clock: false,
            key_cache_ms: 1_000,
            notices: vigie_review::NoticeConfig::default(),
            notice_alert_url: None,
            notice_clock_poll_ms: 1_000,
            retention_days: vigie_review::notice::MIN_RETENTION_DAYS,
            retention_poll_ms: 3_600_000,
        }
    }
}

const KEYS: &[&str] = &[
    "listen",
    "data_dir",
    "database_url",
    "log_format",
    "policy",
    "lexicons",
    "watchlist",
    "model",
    "no_classifier",
    "max_body_bytes",
    "max_post_chars",
    "max_batch",
    "request_timeout_ms",
    "rate_limit_per_second",
    "rate_limit_burst",
    "backtest_max_posts",
    "policy_poll_ms",
    "review_config",
    "webhook_url",
    "webhook_secret",
    "webhook_timeout_ms",
    "webhook_poll_ms",
    "test_clock",
    "key_cache_ms",
    "notices",
    "notice_alert_url",
    "notice_clock_poll_ms",
    "retention_days",
    "retention_poll_ms",
];

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(String);

impl ServerConfig {
    /// Defaults, overridden by the file (when given), overridden by `VIGIE_*` variables.
    pub fn load(file: Option<&Path>) -> Result<ServerConfig, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(ServerConfig::default()));
        if let Some(path) = file {
            if !path.exists() {
                return Err(ConfigError(format!("{} does not exist", path.display())));
            }
            figment = figment.merge(Toml::file_exact(path));
        }
        // Only our keys: other VIGIE_* variables (test settings…) are not configuration.
        figment = figment.merge(Env::prefixed("VIGIE_").only(KEYS));
        let config: ServerConfig = figment.extract().map_err(|e| ConfigError(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks what types alone cannot: the notice clock's fractions and deadlines, and a
    /// retention of at least six months.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.notices
            .validate()
            .map_err(|e| ConfigError(e.to_string()))?;
        vigie_review::notice::validate_retention_days(self.retention_days)
            .map_err(|e| ConfigError(e.to_string()))
    }
}

#[cfg(test)]
// figment's Jail closures return figment::Error, which is large by design.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn file_then_environment_override_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("vigie.toml", "max_batch = 7\nlisten = \"127.0.0.1:9\"\n")?;
            jail.set_env("VIGIE_MAX_BATCH", "9");
            jail.set_env("VIGIE_PG_BIN", "/somewhere");
            let c = ServerConfig::load(Some(Path::new("vigie.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(c.max_batch, 9);
            assert_eq!(c.listen, "127.0.0.1:9");
            assert_eq!(c.max_post_chars, ServerConfig::default().max_post_chars);
            Ok(())
        });
    }

    #[test]
    fn the_example_file_is_valid_and_matches_the_defaults() {
        // Inside a jail: the other tests set VIGIE_* variables, and jails take turns.
        figment::Jail::expect_with(|_| {
            let example = concat!(env!("CARGO_MANIFEST_DIR"), "/vigie.example.toml");
            let c = ServerConfig::load(Some(Path::new(example))).map_err(|e| e.to_string())?;
            assert_eq!(c, ServerConfig::default());
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_and_missing_files_are_errors() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("bad.toml", "max_batchh = 7\n")?;
            assert!(ServerConfig::load(Some(Path::new("bad.toml"))).is_err());
            assert!(ServerConfig::load(Some(Path::new("missing.toml"))).is_err());
            Ok(())
        });
    }
}
