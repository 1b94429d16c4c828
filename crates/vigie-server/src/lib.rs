//! vigie's HTTP service: `POST /v1/posts` → a durable, explainable decision.
//!
//! ```text
//! request → metrics/timeout middleware → auth (API key, scope, rate limit) → handler
//!         → engine.decide → store (post + decision + audit entry, one transaction) → JSON
//! ```
//!
//! [`AppState::open`] opens the store and puts the right policy in force; [`router`] builds
//! the API; [`serve`] runs it until a shutdown signal, then drains in-flight requests.
//!
//! The review workflow (`vigie-review`'s rules) is served under `/v1/reports`, `/v1/queues`,
//! `/v1/cases`, `/v1/appeals`, `/v1/authors/{author}/strikes` and `/v1/webhooks`, for
//! moderators' accounts (their own token, a role) and API keys; [`serve`] also runs the
//! webhook delivery task over the outbox table. Times come from [`AppState::clock`].

mod compat;
mod config;
mod console;
mod error;
mod extract;
mod metrics_layer;
mod notices;
mod openapi;
mod review;
mod routes;
mod webhooks;

use std::future::Future;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::net::TcpListener;
use vigie_engine::{DEFAULT_POLICY, Engine, EngineError};
use vigie_review::{Clock, ManualClock, ReviewConfig, SystemClock};
use vigie_store::{Location, Store, StoreError};

pub use config::{ConfigError, LogFormat, ServerConfig};
pub use error::ApiError;
pub use metrics_layer::prometheus_handle;
pub use openapi::ApiDoc;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("building the engine: {0}")]
    Engine(#[from] EngineError),
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("review configuration: {0}")]
    Review(#[from] vigie_review::ConfigError),
    #[error("listening on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
}

/// Builds engines with the service's lexicons and watchlist and a given policy: at start-up,
/// on `PUT /v1/policy`, and for backtests of candidate policies.
pub struct EngineFactory {
    lexicons: Vec<(String, String)>,
    watchlist: Option<(String, String)>,
    model: Option<(String, Vec<u8>)>,
    no_classifier: bool,
}

impl EngineFactory {
    /// Reads the data files the configuration names, once.
    pub fn from_config(config: &ServerConfig) -> Result<EngineFactory, ServerError> {
        let read = |path: &PathBuf| {
            std::fs::read_to_string(path)
                .map(|text| (path.display().to_string(), text))
                .map_err(|source| ServerError::Read {
                    path: path.clone(),
                    source,
                })
        };
        Ok(EngineFactory {
            lexicons: config.lexicons.iter().map(read).collect::<Result<_, _>>()?,
            watchlist: config.watchlist.as_ref().map(read).transpose()?,
            model: config
                .model
                .as_ref()
                .map(|path| {
                    std::fs::read(path)
                        .map(|bytes| (path.display().to_string(), bytes))
                        .map_err(|source| ServerError::Read {
                            path: path.clone(),
                            source,
                        })
                })
                .transpose()?,
            no_classifier: config.no_classifier,
        })
    }

    pub fn build(&self, policy_origin: &str, policy_text: &str) -> Result<Engine, EngineError> {
        let mut b = Engine::builder().policy(policy_origin, policy_text);
        if self.no_classifier {
            b = b.without_classifier();
        } else if let Some((origin, bytes)) = &self.model {
            b = b.model(origin.as_str(), bytes.clone());
        }
        for (origin, text) in &self.lexicons {
            b = b.lexicon(origin.as_str(), text.as_str());
        }
        if let Some((origin, text)) = &self.watchlist {
            b = b.watchlist(origin.as_str(), text.as_str());
        }
        b.build()
    }
}

/// The engine in force and the detector versions recorded with its decisions.
pub struct Current {
    pub engine: Engine,
    /// `engine.detector_versions()` as JSON, for audit entries.
    pub model_versions: String,
}

impl Current {
    fn new(engine: Engine) -> Current {
        let model_versions = serde_json::to_string(engine.detector_versions()).unwrap_or_default();
        Current {
            engine,
            model_versions,
        }
    }
}

type KeyedLimiter = DefaultKeyedRateLimiter<String>;

/// What every handler shares.
pub struct AppState {
    pub store: Store,
    pub config: ServerConfig,
    pub factory: EngineFactory,
    current: ArcSwap<Current>,
    /// Serialises policy replacements so the engine in force is always the last one stored.
    policy_lock: tokio::sync::Mutex<()>,
    limiter: Option<KeyedLimiter>,
    /// Where "now" comes from for the review workflow (leases, strikes, webhooks).
    pub clock: Arc<dyn Clock>,
    /// The same clock when `test_clock` is on, so that `POST /v1/test/clock` can move it.
    pub manual_clock: Option<Arc<ManualClock>>,
    pub review: Arc<ReviewConfig>,
}

impl AppState {
    /// Opens the store and puts a policy in force: the configured policy file when it differs
    /// from the stored one (recorded as a policy change), else the stored one, else the
    /// embedded default.
    pub async fn open(config: ServerConfig) -> Result<Arc<AppState>, ServerError> {
        config.validate()?;
        let location = match &config.database_url {
            Some(url) => Location::Url(url.clone()),
            None => Location::DataDir(config.data_dir.clone()),
        };
        let store = Store::open(&location).await?;
        let factory = EngineFactory::from_config(&config)?;
        let configured = match &config.policy {
            Some(path) => Some((
                path.display().to_string(),
                std::fs::read_to_string(path).map_err(|source| ServerError::Read {
                    path: path.clone(),
                    source,
                })?,
            )),
            None => None,
        };
        let stored = store.current_policy().await?;
        let (origin, text, save) = match (configured, stored) {
            (Some((origin, text)), Some(s)) if s.text == text => (origin, text, false),
            (Some((origin, text)), _) => (origin, text, true),
            (None, Some(s)) => (s.origin, s.text, false),
            (None, None) => (
                "embedded:default".to_string(),
                DEFAULT_POLICY.to_string(),
                true,
            ),
        };
        let engine = factory.build(&origin, &text)?;
        if save {
            store
                .save_policy(
                    engine.policy().version(),
                    &origin,
                    &text,
                    "system",
                    "policy in force at start-up",
                )
                .await?;
        }
        let review = match &config.review_config {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ServerError::Read {
                    path: path.clone(),
                    source,
                })?;
                ReviewConfig::from_toml(&path.display().to_string(), &text)?
            }
            None => ReviewConfig::example()?,
        };
        store.set_review_config(review.clone());
        store.set_key_cache_ttl(Duration::from_millis(config.key_cache_ms));
        let manual_clock = config
            .test_clock
            .then(|| Arc::new(ManualClock::new(SystemClock.now())));
        let clock: Arc<dyn Clock> = match &manual_clock {
            Some(m) => m.clone(),
            None => Arc::new(SystemClock),
        };
        let limiter = NonZeroU32::new(config.rate_limit_per_second).map(|rate| {
            let burst = NonZeroU32::new(config.rate_limit_burst).unwrap_or(rate);
            RateLimiter::keyed(Quota::per_second(rate).allow_burst(burst))
        });
        Ok(Arc::new(AppState {
            store,
            config,
            factory,
            current: ArcSwap::from_pointee(Current::new(engine)),
            policy_lock: tokio::sync::Mutex::new(()),
            limiter,
            clock,
            manual_clock,
            review: Arc::new(review),
        }))
    }

    /// The engine in force (a cheap snapshot; a policy change does not affect it).
    pub fn current(&self) -> Arc<Current> {
        self.current.load_full()
    }

    fn replace_engine(&self, engine: Engine) {
        self.current.store(Arc::new(Current::new(engine)));
    }

    /// Puts the stored policy in force if another server process changed it (several
    /// servers on one PostgreSQL). Returns whether the engine was replaced.
    pub async fn follow_stored_policy(&self) -> Result<bool, ServerError> {
        // Read under the lock: a policy read before a concurrent `PUT /v1/policy` saved its
        // own would otherwise put the replaced policy back in force once the PUT is done.
        let _lock = self.policy_lock.lock().await;
        let Some(stored) = self.store.current_policy().await? else {
            return Ok(false);
        };
        if stored.version == self.current().engine.policy().version() {
            return Ok(false);
        }
        let engine = self.factory.build(&stored.origin, &stored.text)?;
        self.replace_engine(engine);
        tracing::info!(version = %stored.version, "policy changed by another server; now in force here");
        Ok(true)
    }
}

/// Checks the stored policy every `policy_poll_ms` until the returned task is aborted.
fn spawn_policy_follower(state: Arc<AppState>) -> Option<tokio::task::JoinHandle<()>> {
    let every = Duration::from_millis(state.config.policy_poll_ms);
    if every.is_zero() {
        return None;
    }
    Some(tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = state.follow_stored_policy().await {
                tracing::warn!(error = %e, "could not check the stored policy");
            }
        }
    }))
}

/// The whole API.
pub fn router(state: Arc<AppState>) -> Router {
    let timeout = Duration::from_millis(state.config.request_timeout_ms.max(1));
    let body_limit = state.config.max_body_bytes;
    Router::new()
        .route("/v1/posts", post(routes::post_one))
        // axum 0.8 treats `:` literally (parameters are `{name}`), so this routes as is.
        .route("/v1/posts:batch", post(routes::post_batch))
        .route("/v1/decisions", get(routes::list_decisions))
        .route("/v1/decisions/{id}", get(routes::get_decision))
        .route(
            "/v1/policy",
            get(routes::get_policy).put(routes::put_policy),
        )
        .route("/v1/policy:backtest", post(routes::backtest))
        .route("/v1/audit", get(routes::audit_log))
        .route("/v1/reports", post(review::create_report))
        .route("/v1/reports/{id}", get(review::get_report))
        .route("/v1/queues", get(review::list_queues))
        .route("/v1/queues/{name}", get(review::queue_cases))
        .route("/v1/cases/{id}", get(review::get_case))
        .route("/v1/cases/{id}/claim", post(review::claim))
        .route("/v1/cases/{id}/renew", post(review::renew))
        .route("/v1/cases/{id}/release", post(review::release))
        .route("/v1/cases/{id}/escalate", post(review::escalate))
        .route("/v1/cases/{id}/decisions", post(review::decide))
        .route("/v1/cases/{id}/second-review", post(review::second_review))
        .route("/v1/cases/{id}/appeal-claim", post(review::claim_appeal))
        .route("/v1/cases/{id}/appeal-decision", post(review::resolve_appeal))
        .route("/v1/appeals", post(review::create_appeal))
        .route("/v1/notices", post(notices::create_notice))
        .route("/v1/notices/{id}", get(notices::get_notice))
        .route("/v1/notifiers/{name}/report", get(notices::notifier_report))
        .route(
            "/v1/cases/{id}/legal-hold",
            get(notices::get_legal_hold)
                .post(notices::set_legal_hold)
                .delete(notices::release_legal_hold),
        )
        .route("/v1/authors/{author}/strikes", get(review::author_strikes))
        .route("/v1/webhooks", get(review::list_webhooks))
        .route("/v1/webhooks/{key}/retry", post(review::retry_webhook))
        .route("/v1/test/clock", post(review::move_clock))
        .route(
            "/v1alpha1/comments:analyze",
            post(compat::perspective_analyze),
        )
        .route("/v1/moderations", post(compat::openai_moderations))
        .merge(console::router())
        .route("/healthz", get(routes::healthz))
        .route("/readyz", get(routes::readyz))
        .route("/metrics", get(routes::metrics))
        .route("/openapi.json", get(openapi::openapi_json))
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn(move |req, next| {
            metrics_layer::track(req, next, timeout)
        }))
        // Spans name the path only: a query string may hold an API key (`?key=`).
        .layer(
            tower_http::trace::TraceLayer::new_for_http().make_span_with(
                |req: &axum::extract::Request| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                },
            ),
        )
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            routes::panic_response,
        ))
        .with_state(state)
}

/// Binds the configured address.
pub async fn bind(addr: &str) -> Result<TcpListener, ServerError> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Listen {
            addr: addr.to_string(),
            source,
        })
}

/// Serves until `shutdown` completes, then stops accepting and waits for in-flight requests.
pub async fn serve(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    metrics_layer::prometheus_handle();
    tracing::info!(%addr, backend = ?state.store.backend(), "vigie serving");
    let store = state.store.clone();
    let follower = spawn_policy_follower(state.clone());
    let deliveries = webhooks::spawn_delivery_task(state.clone());
    let notice_tasks = notices::spawn_tasks(state.clone());
    let served = axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| ServerError::Listen { addr, source });
    if let Some(f) = follower {
        f.abort();
    }
    for task in notice_tasks {
        task.abort();
    }
    if let Some(d) = deliveries {
        // An attempt cut short stays reserved for a while, then is due again: the outbox is
        // in the database, so nothing is lost, and the idempotency key covers a repeat.
        d.abort();
    }
    served?;
    store.close().await;
    tracing::info!("vigie stopped");
    Ok(())
}

/// Completes on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received, draining in-flight requests");
}
