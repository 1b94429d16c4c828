//! `vigie keys`: create, list and revoke API keys (straight in the database, so the first
//! admin key can be made before the service runs).

use vigie_store::{Scope, format_time};

use crate::serve::StoreArgs;

#[derive(clap::Subcommand, Debug)]
pub enum KeysCommand {
    /// Create a key; its secret is printed once, on standard output, and never stored. A
    /// notify key for a new notifier also prints, once, on a second line, the secret the
    /// answers to that notifier are signed with (stored so the server can sign, never shown
    /// again).
    Create {
        /// What the key may do: ingest, read, admin, notify (repeat or separate with commas).
        #[arg(long = "scope", required = true, value_delimiter = ',', value_parser = parse_scope)]
        scopes: Vec<Scope>,
        /// Who or what uses the key (shown in lists and the audit log).
        #[arg(long)]
        name: String,
        /// With `--scope notify`: the notifier the key sends notices as (created if new).
        #[arg(long, requires = "kind")]
        notifier: Option<String>,
        /// The notifier's kind: user, trusted_flagger, authority, hosting_provider, other.
        #[arg(long, value_parser = parse_kind, requires = "notifier")]
        kind: Option<vigie_store::vigie_review::NotifierKind>,
        /// Where the notifier receives the answers to its notices (POST, JSON, signed).
        #[arg(long, requires = "notifier")]
        notifier_endpoint: Option<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List keys (never their secrets).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Give a notifier a new secret for the signatures of its answers (the old one was lost
    /// or leaked); printed once, on standard output. Answers still queued are signed with it.
    RotateNotifierSecret {
        /// The notifier, by name.
        notifier: String,
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

fn parse_kind(s: &str) -> Result<vigie_store::vigie_review::NotifierKind, String> {
    vigie_store::vigie_review::NotifierKind::from_name(s).ok_or_else(|| {
        format!("{s:?} (expected user, trusted_flagger, authority, hosting_provider or other)")
    })
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
        | KeysCommand::RotateNotifierSecret { store, .. }
        | KeysCommand::Revoke { store, .. } => store,
    };
    let config = args.config()?;
    StoreArgs::runtime()?.block_on(async {
        let store = StoreArgs::open(&config).await?;
        let result = match cmd {
            KeysCommand::Create {
                scopes,
                name,
                notifier,
                kind,
                notifier_endpoint,
                ..
            } => {
                let notify = scopes.contains(&Scope::Notify);
                let now = vigie_store::now_micros();
                let bound = match (notify, notifier, kind) {
                    (true, Some(n), Some(k)) => Some(
                        store
                            .upsert_notifier(n, *k, notifier_endpoint.as_deref(), &actor(), now)
                            .await?,
                    ),
                    (true, _, _) => {
                        anyhow::bail!("a notify key needs --notifier NAME and --kind KIND")
                    }
                    (false, Some(_), _) => {
                        anyhow::bail!("--notifier is for keys with the notify scope")
                    }
                    (false, None, _) => None,
                };
                let created = store.create_key(name, scopes, &actor()).await?;
                if let Some((n, _)) = &bound {
                    store
                        .bind_notifier_key(&created.key.id, &n.name, &actor(), now)
                        .await?;
                    eprintln!("the key sends notices as {:?} ({})", n.name, n.kind);
                }
                let scopes: Vec<_> = created.key.scopes.iter().map(|s| s.name()).collect();
                eprintln!(
                    "created key {} ({name}, scopes {}); its secret is shown once:",
                    created.key.id,
                    scopes.join(",")
                );
                println!("{}", created.token);
                if let Some((n, Some(secret))) = &bound {
                    eprintln!(
                        "answers to {:?} are signed (Vigie-Signature) with this secret, shown once:",
                        n.name
                    );
                    println!("{secret}");
                }
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
            KeysCommand::RotateNotifierSecret { notifier, .. } => {
                let now = vigie_store::now_micros();
                match store.rotate_notifier_secret(notifier, &actor(), now).await? {
                    Some(secret) => {
                        eprintln!(
                            "answers to {notifier:?} are now signed with this secret, shown once:"
                        );
                        println!("{secret}");
                        Ok(())
                    }
                    None => Err(anyhow::anyhow!("no notifier named {notifier:?}")),
                }
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
