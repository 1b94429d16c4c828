//! `vigie serve`: the HTTP service (see the vigie-server crate), plus the options that say
//! where the database is, shared with `vigie audit` and `vigie keys`.

use std::path::PathBuf;

use anyhow::Context;
use vigie_server::{AppState, LogFormat, ServerConfig};
use vigie_store::{Location, Store};

use crate::engine_args::EngineArgs;

/// Where the database is: the config file, `VIGIE_DATA_DIR` / `VIGIE_DATABASE_URL`, or these flags.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct StoreArgs {
    /// Configuration file (TOML); every key can also be set as VIGIE_<KEY>.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Directory of the embedded SQLite database [default: vigie-data].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// PostgreSQL instead of the embedded database: postgres://user:pass@host/db.
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
}

impl StoreArgs {
    /// The configuration: defaults < file < VIGIE_* variables < these flags.
    pub fn config(&self) -> anyhow::Result<ServerConfig> {
        let mut config = ServerConfig::load(self.config.as_deref())?;
        if let Some(d) = &self.data_dir {
            config.data_dir = d.clone();
            // An explicit data directory wins over a URL from the file or environment.
            if self.database_url.is_none() {
                config.database_url = None;
            }
        }
        if let Some(u) = &self.database_url {
            config.database_url = Some(u.clone());
        }
        Ok(config)
    }

    pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .context("starting the async runtime")
    }

    /// Opens the database the configuration names.
    pub async fn open(config: &ServerConfig) -> anyhow::Result<Store> {
        let location = match &config.database_url {
            Some(url) => Location::Url(url.clone()),
            None => Location::DataDir(config.data_dir.clone()),
        };
        Ok(Store::open(&location).await?)
    }
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Log lines as JSON (for collectors) or text [default: text].
    #[arg(long, value_name = "json|text")]
    pub log_format: Option<LogFormat>,
    #[command(flatten)]
    pub engine: EngineArgs,
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // Failing only means a subscriber is already set; logging still goes somewhere.
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    let mut config = args.store.config()?;
    if let Some(l) = &args.listen {
        config.listen = l.clone();
    }
    if let Some(f) = args.log_format {
        config.log_format = f;
    }
    if let Some(p) = &args.engine.policy {
        config.policy = Some(p.clone());
    }
    config.lexicons.extend(args.engine.lexicons.iter().cloned());
    if let Some(w) = &args.engine.watchlist {
        config.watchlist = Some(w.clone());
    }
    if let Some(m) = &args.engine.model {
        config.model = Some(m.clone());
    }
    config.no_classifier |= args.engine.no_classifier;
    init_logging(config.log_format);
    StoreArgs::runtime()?.block_on(async move {
        let listener = vigie_server::bind(&config.listen).await?;
        let state = AppState::open(config).await?;
        first_admin_key(&state).await?;
        vigie_server::serve(listener, state, vigie_server::shutdown_signal()).await?;
        anyhow::Ok(())
    })
}

/// Where a fresh embedded database's first admin key is written (readable by the owner only).
pub const FIRST_KEY_FILE: &str = "first-admin.key";

/// On a database that has never had an API key, creates an admin key so that the service can
/// be used at once (the README's `curl` reads it from the data directory). Its secret goes to
/// a file only the owner can read, not to the logs; with PostgreSQL there is no data directory
/// of ours, so the operator creates keys with `vigie keys create` instead.
async fn first_admin_key(state: &AppState) -> anyhow::Result<()> {
    if state.config.database_url.is_some() || !state.store.list_keys().await?.is_empty() {
        return Ok(());
    }
    let created = state
        .store
        .create_key(
            "first-admin",
            &[vigie_store::Scope::Admin],
            "system:first-start",
        )
        .await?;
    let path = state.config.data_dir.join(FIRST_KEY_FILE);
    write_secret(&path, &created.token)
        .with_context(|| format!("writing the first admin key to {}", path.display()))?;
    eprintln!(
        "no API key existed: created admin key {} (name first-admin); its secret is in {} \
         (revoke it with `vigie keys revoke` once you have keys of your own)",
        created.key.id,
        path.display()
    );
    Ok(())
}

fn write_secret(path: &std::path::Path, token: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    writeln!(file, "{token}")?;
    file.sync_all()
}
