//! `vigie keys`: create, list and revoke API keys (straight in the database, so the first
//! admin key can be made before the service runs).

use vigie_store::{Scope, format_time};

use crate::serve::StoreArgs;

#[derive(clap::Subcommand, Debug)]
pub enum KeysCommand {
    /// Create a key; its secret is printed once, on standard output, and never stored.
    Create {
        /// What the key may do: ingest, read, admin (repeat or separate with commas).
        #[arg(long = "scope", required = true, value_delimiter = ',', value_parser = parse_scope)]
        scopes: Vec<Scope>,
        /// Who or what uses the key (shown in lists and the audit log).
        #[arg(long)]
        name: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List keys (never their secrets).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Revoke a key by its id; requests with it are refused from then on.
    Revoke {
        id: String,
        /// Why, for the audit log.
        #[arg(long, default_value = "revoked from the command line")]
        reason: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

fn parse_scope(s: &str) -> Result<Scope, String> {
    s.parse()
        .map_err(|e: vigie_store::StoreError| e.to_string())
}

/// How the command line appears in the audit log.
fn actor() -> String {
    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".to_string());
    format!("cli:{user}")
}

pub fn run(cmd: &KeysCommand) -> anyhow::Result<()> {
    let args = match cmd {
        KeysCommand::Create { store, .. }
        | KeysCommand::List { store }
        | KeysCommand::Revoke { store, .. } => store,
    };
    let config = args.config()?;
    StoreArgs::runtime()?.block_on(async {
        let store = StoreArgs::open(&config).await?;
        let result = match cmd {
            KeysCommand::Create { scopes, name, .. } => {
                let created = store.create_key(name, scopes, &actor()).await?;
                let scopes: Vec<_> = created.key.scopes.iter().map(|s| s.name()).collect();
                eprintln!(
                    "created key {} ({name}, scopes {}); its secret is shown once:",
                    created.key.id,
                    scopes.join(",")
                );
                println!("{}", created.token);
                Ok(())
            }
            KeysCommand::List { .. } => {
                println!(
                    "{:<16}  {:<20}  {:<18}  {:<27}  revoked",
                    "id", "name", "scopes", "created"
                );
                for k in store.list_keys().await? {
                    let scopes: Vec<_> = k.scopes.iter().map(|s| s.name()).collect();
                    println!(
                        "{:<16}  {:<20}  {:<18}  {:<27}  {}",
                        k.id,
                        k.name,
                        scopes.join(","),
                        format_time(k.created_at),
                        k.revoked_at
                            .map(format_time)
                            .unwrap_or_else(|| "-".to_string())
                    );
                }
                Ok(())
            }
            KeysCommand::Revoke { id, reason, .. } => {
                if store.revoke_key(id, &actor(), reason).await? {
                    eprintln!("revoked key {id}");
                    Ok(())
                } else {
                    Err(anyhow::anyhow!("no active key with id {id:?}"))
                }
            }
        };
        store.close().await;
        result
    })
}
