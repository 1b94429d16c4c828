//! A throw-away PostgreSQL server for tests (feature `test-support`): `initdb` in a temporary
//! directory, started on a free port, stopped and deleted on drop. Uses the PostgreSQL
//! binaries in `VIGIE_PG_BIN` or `/usr/lib/postgresql/15/bin`; as root, runs them as the
//! `postgres` user, since PostgreSQL refuses to run as root.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A running PostgreSQL, stopped when dropped.
pub struct TempPostgres {
    dir: PathBuf,
    bin: PathBuf,
    run_as: Option<String>,
    port: u16,
}

/// A free TCP port on 127.0.0.1 (free when asked; good enough for tests).
pub fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

impl TempPostgres {
    /// Initialises and starts a server; errors say what is missing.
    pub fn start() -> Result<TempPostgres, String> {
        let bin = std::env::var_os("VIGIE_PG_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/lib/postgresql/15/bin"));
        if !bin.join("initdb").exists() {
            return Err(format!(
                "PostgreSQL binaries not found in {} (install postgresql-15 or set VIGIE_PG_BIN)",
                bin.display()
            ));
        }
        let run_as = is_root().then(|| "postgres".to_string());
        let dir = std::env::temp_dir().join(format!(
            "vigie-pg-{}-{}",
            std::process::id(),
            crate::random_id()
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        if run_as.is_some() {
            let out = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&dir)
                .output()
                .map_err(|e| format!("chown: {e}"))?;
            check(&out, "chown")?;
        }
        let port = free_port().map_err(|e| format!("finding a free port: {e}"))?;
        let pg = TempPostgres {
            dir,
            bin,
            run_as,
            port,
        };
        let data = pg.dir.join("data");
        let out = pg.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                "postgres".as_ref(),
                "--auth=trust".as_ref(),
                "--no-sync".as_ref(),
            ],
        )?;
        check(&out, "initdb")?;
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1",
            pg.port,
            pg.dir.display()
        );
        let log = pg.dir.join("log");
        let out = pg.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-o".as_ref(),
                options.as_ref(),
                "-l".as_ref(),
                log.as_os_str(),
                "-w".as_ref(),
                "start".as_ref(),
            ],
        )?;
        check(&out, "pg_ctl start")?;
        Ok(pg)
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// A fresh database on this server, and its URL.
    pub fn create_database(&self, name: &str) -> Result<String, String> {
        let port = self.port.to_string();
        let out = self.run(
            "createdb",
            &[
                "-h".as_ref(),
                "127.0.0.1".as_ref(),
                "-p".as_ref(),
                port.as_ref(),
                "-U".as_ref(),
                "postgres".as_ref(),
                name.as_ref(),
            ],
        )?;
        check(&out, "createdb")?;
        Ok(format!(
            "postgres://postgres@127.0.0.1:{}/{name}",
            self.port
        ))
    }

    fn run(&self, tool: &str, args: &[&std::ffi::OsStr]) -> Result<Output, String> {
        let program = self.bin.join(tool);
        if !program.exists() {
            return Err(format!("{} not found", program.display()));
        }
        let mut cmd = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        cmd.args(args)
            .current_dir(&self.dir)
            .output()
            .map_err(|e| format!("running {tool}: {e}"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

fn check(out: &Output, what: &str) -> Result<(), String> {
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "immediate".as_ref(),
                "-w".as_ref(),
                "stop".as_ref(),
            ],
        );
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
