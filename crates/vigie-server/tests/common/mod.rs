//! What the API and review suites share: where a scenario's database lives, and running every
//! scenario once on SQLite and once on a PostgreSQL the test starts itself.

use std::future::Future;
use std::pin::Pin;

use vigie_store::test_support::TempPostgres;

/// Where a scenario's database lives; each suite adds its own way to start a server on it.
#[derive(Clone)]
pub struct Backend {
    pub data_dir: Option<std::path::PathBuf>,
    pub database_url: Option<String>,
}

pub type Scenario = fn(Backend) -> Pin<Box<dyn Future<Output = ()> + Send>>;

/// `(name, scenario)` pairs from async functions taking a [`Backend`].
#[macro_export]
macro_rules! scenarios {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), (|b| Box::pin($name(b))) as $crate::common::Scenario)),*]
    };
}

/// Every scenario on a fresh SQLite database of its own.
pub async fn run_on_sqlite(scenarios: &[(&str, Scenario)]) {
    for (name, scenario) in scenarios {
        eprintln!("sqlite: {name}");
        let dir = tempfile::tempdir().unwrap();
        scenario(Backend {
            data_dir: Some(dir.path().to_path_buf()),
            database_url: None,
        })
        .await;
    }
}

/// Every scenario on a fresh database (`<prefix><n>`) of one PostgreSQL server.
pub async fn run_on_postgres(prefix: &str, scenarios: &[(&str, Scenario)]) {
    let pg = TempPostgres::start().unwrap();
    for (i, (name, scenario)) in scenarios.iter().enumerate() {
        eprintln!("postgres: {name}");
        let url = pg.create_database(&format!("{prefix}{i}")).unwrap();
        scenario(Backend {
            data_dir: None,
            database_url: Some(url),
        })
        .await;
    }
}

/// The service running on a free port of 127.0.0.1 until [`Serving::stop`].
pub struct Serving {
    pub base: String,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<Result<(), vigie_server::ServerError>>,
}

impl Serving {
    pub async fn start(state: std::sync::Arc<vigie_server::AppState>) -> Serving {
        let listener = vigie_server::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(vigie_server::serve(listener, state, async move {
            let _ = stopped.await;
        }));
        Serving { base, stop, task }
    }

    /// Stops the server (graceful) and checks it stopped cleanly.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        self.task.await.unwrap().unwrap();
    }
}
