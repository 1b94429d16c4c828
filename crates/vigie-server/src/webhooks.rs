//! The webhook delivery task: sends the outbox's due deliveries (to the platform, to the
//! admins' notice alert URL, to notifiers' answer endpoints), signed, and
//! records each attempt (`Delivery::record`: retries with exponential backoff and jitter,
//! dead letter after the last attempt or a refusal). The outbox lives in the database, so
//! deliveries survive a restart; a delivery is reserved in the database while it is being
//! sent, so two servers on one database do not send it at the same time.

use std::sync::Arc;
use std::time::Duration;

use rand::SeedableRng;
use vigie_review::{AttemptResult, MICROS_PER_SECOND, SIGNATURE_HEADER, sign_payload};
use vigie_store::OutboxItem;

use crate::AppState;

/// Deliveries taken per round.
const BATCH: i64 = 32;

/// Starts the task when anything may queue a delivery: the platform's webhook URL, the
/// admins' notice alert URL, or the notice clock (answers go to the endpoints notifiers
/// registered, which live in the database, whatever `webhook_url` is). Abort the handle to
/// stop it.
pub fn spawn_delivery_task(state: Arc<AppState>) -> Option<tokio::task::JoinHandle<()>> {
    let config = &state.config;
    if config.webhook_url.is_none()
        && config.notice_alert_url.is_none()
        && config.notice_clock_poll_ms == 0
    {
        return None;
    }
    let every = Duration::from_millis(state.config.webhook_poll_ms.max(10));
    let timeout = Duration::from_millis(state.config.webhook_timeout_ms.max(1));
    let client = match reqwest::Client::builder().timeout(timeout).build() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "cannot build the webhook client; webhooks stay queued");
            return None;
        }
    };
    Some(tokio::spawn(async move {
        // Jitter only spreads retries out; it needs no cryptographic quality.
        let mut rng = rand::rngs::StdRng::from_os_rng();
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = deliver_due(&state, &client, timeout, &mut rng).await {
                tracing::warn!(error = %e, "webhook round failed; will try again");
            }
        }
    }))
}

async fn deliver_due(
    state: &AppState,
    client: &reqwest::Client,
    timeout: Duration,
    rng: &mut rand::rngs::StdRng,
) -> Result<(), vigie_store::StoreError> {
    let now = state.clock.now();
    // Reserved for twice the timeout: longer than one attempt can last.
    let reserve = i64::try_from(timeout.as_micros().saturating_mul(2)).unwrap_or(i64::MAX / 2);
    let due = state
        .store
        .take_due_deliveries(now, now.saturating_add(reserve), BATCH)
        .await?;
    for item in due {
        // Answers to a notifier are signed with its own secret, which it holds; a failed
        // look-up leaves the delivery reserved, due again once the reservation ends.
        let notifier_secret = state
            .store
            .delivery_signing_secret(&item.idempotency_key)
            .await?;
        let result = attempt(state, client, &item, notifier_secret.as_deref()).await;
        let mut delivery = item.delivery;
        let at = state.clock.now();
        delivery.record(result, at, &state.review.webhook_retry, rng);
        metrics::counter!("vigie_webhook_attempts_total", "result" => match result {
            AttemptResult::Status(200..=299) => "delivered",
            AttemptResult::Status(_) => "refused",
            AttemptResult::NoResponse => "no_response",
        })
        .increment(1);
        state.store.save_delivery(&delivery, at).await?;
    }
    Ok(())
}

async fn attempt(
    state: &AppState,
    client: &reqwest::Client,
    item: &OutboxItem,
    notifier_secret: Option<&str>,
) -> AttemptResult {
    let secret = notifier_secret
        .or(state.config.webhook_secret.as_deref())
        .unwrap_or_default();
    let seconds = state.clock.now() / MICROS_PER_SECOND;
    let signature = sign_payload(secret.as_bytes(), seconds, item.body.as_bytes());
    let sent = client
        .post(&item.endpoint)
        .header("content-type", "application/json")
        .header(SIGNATURE_HEADER, signature)
        .header("Idempotency-Key", &item.idempotency_key)
        .body(item.body.clone())
        .send()
        .await;
    match sent {
        Ok(response) => AttemptResult::Status(response.status().as_u16()),
        Err(e) => {
            tracing::info!(key = %item.idempotency_key, error = %e, "webhook attempt got no answer");
            AttemptResult::NoResponse
        }
    }
}
