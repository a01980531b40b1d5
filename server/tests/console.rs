//! The BFF end to end over HTTP, with the embedded emulator, on random ports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{browser, location, row_names, spawn, spawn_with, stat, PASSWORD};

#[tokio::test]
async fn probes_and_the_way_in() {
    let console = spawn().await;
    let client = browser(&console);
    let health = client.get(console.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);

    let root = client.get(console.url("/")).send().await.unwrap();
    assert!(root.status().is_redirection());
    assert_eq!(location(&root), "/login");

    let page = client.get(console.url("/sites?q=x")).send().await.unwrap();
    assert_eq!(location(&page), "/login?next=%2Fsites%3Fq%3Dx");

    let (status, html) = console.page(&client, "/login").await;
    assert_eq!(status, 200);
    assert!(html.contains("<label for=\"username\">Username</label>"));
    assert!(html.contains("<label for=\"password\">Password</label>"));
    assert!(html.contains(">Sign in</button>"));

    let ready = client.get(console.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200, "token obtained and tenant reachable");
}

#[tokio::test]
async fn wrong_password_keeps_the_username_and_says_what_to_do() {
    let console = spawn().await;
    let client = browser(&console);
    let to = console.sign_in(&client, "admin", "nope").await;
    assert_eq!(to, "/login?error=invalid&user=admin");
    let (_, html) = console.page(&client, &to).await;
    assert!(html.contains("Wrong username or password"));
    assert!(html.contains("value=\"admin\""));
    // Unknown usernames get the very same answer.
    assert_eq!(
        console.sign_in(&client, "nobody", "nope").await,
        "/login?error=invalid&user=nobody"
    );
}

#[tokio::test]
async fn sign_in_rotates_the_session_and_sets_safe_cookie_flags() {
    let console = spawn().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let sign_in = |cookie: Option<String>| {
        let mut request = client
            .post(console.url("/auth/login"))
            .header("origin", console.base.clone())
            .form(&[("username", "admin"), ("password", PASSWORD)]);
        if let Some(c) = cookie {
            request = request.header("cookie", c);
        }
        request.send()
    };
    let first = sign_in(None).await.unwrap();
    assert_eq!(location(&first), "/sites");
    let set_cookie = first
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .to_string();
    assert!(set_cookie.starts_with("ztna_console="));
    assert!(set_cookie.contains("HttpOnly"));
    assert!(set_cookie.contains("SameSite=Lax"));
    assert!(!set_cookie.contains("Secure"), "plain http on loopback");
    let first_id = set_cookie.split(';').next().unwrap().to_string();

    // Signing in again with an existing session id must issue a new one.
    let second = sign_in(Some(first_id.clone())).await.unwrap();
    let second_id = second
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(first_id, second_id, "session id rotated at sign-in");
    // The old id no longer signs anybody in.
    let old = client
        .get(console.url("/sites"))
        .header("cookie", first_id)
        .send()
        .await
        .unwrap();
    assert!(old.status().is_redirection());
}

#[tokio::test]
async fn secure_cookie_flag_when_configured() {
    let console = spawn_with(
        &[("CONSOLE_SECURE_COOKIES", "true")],
        common::fresh_data_dir(),
    )
    .await;
    let response = browser(&console)
        .post(console.url("/auth/login"))
        .form(&[("username", "admin"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.contains("Secure"));
}

#[tokio::test]
async fn admin_sees_every_site_and_a_site_shows_its_connectors() {
    let console = spawn().await;
    let client = browser(&console);
    assert_eq!(console.sign_in(&client, "admin", PASSWORD).await, "/sites");
    let (status, html) = console.page(&client, "/sites").await;
    assert_eq!(status, 200);
    let total = stat(&html, "Sites").expect("overview");
    assert!(total >= 40, "at least 40 sites, got {total}");
    assert_eq!(row_names(&html).len(), 20, "first page of 20");

    // Every page together lists every site exactly once.
    let mut all = Vec::new();
    for page in 1..=total.div_ceil(20) {
        let (_, html) = console.page(&client, &format!("/sites?page={page}")).await;
        all.extend(row_names(&html));
    }
    assert_eq!(all.len() as u32, total);
    let mut sorted = all.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(all, sorted, "sorted by name");

    let (_, html) = console.page(&client, "/sites?q=london").await;
    assert!(row_names(&html).contains(&"London Office".to_string()));
    assert!(row_names(&html)
        .iter()
        .all(|n| n.to_lowercase().contains("london") || html.contains("london")));

    let id = console.site_id("Frankfurt Datacenter");
    let (status, html) = console.page(&client, &format!("/sites/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Frankfurt Datacenter"));
    assert!(html.contains("Connectors of this site"));
    assert!(html.matches("class=\"badge badge-").count() >= 3);
    // Secrets are never part of a page.
    assert!(!html.contains("OTP="));
    assert!(!html.contains("\"otp\""));

    let (status, html) = console
        .page(&client, "/sites/00000000-0000-4000-8000-000000000000")
        .await;
    assert_eq!(status, 404);
    assert!(html.contains("not found, or it is not yours"));
}

#[tokio::test]
async fn editor_sees_only_their_sites_and_nothing_of_others() {
    let console = spawn().await;
    let client = browser(&console);
    console.sign_in(&client, "editor", PASSWORD).await;
    let (_, html) = console.page(&client, "/sites").await;
    let mut names = row_names(&html);
    names.sort();
    assert_eq!(
        names,
        ["Frankfurt Datacenter", "London Office", "Toronto Lab"]
    );
    assert_eq!(
        stat(&html, "Sites"),
        Some(3),
        "counts only what is in scope"
    );

    // A site outside the scope: same answer as a missing one, no name leaked.
    let admin = browser(&console);
    console.sign_in(&admin, "admin", PASSWORD).await;
    let (_, chicago) = console.page(&admin, "/sites?q=Chicago").await;
    let other = chicago
        .split("<th scope=\"row\"><a href=\"/sites/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a Chicago site")
        .to_string();
    let (status, html) = console.page(&client, &format!("/sites/{other}")).await;
    assert_eq!(status, 404);
    assert!(!html.contains("Chicago"));

    let (status, body) = console
        .server_fn(&client, "sites/get", &[("id", &other)])
        .await;
    assert_ne!(status, 200);
    assert!(body.contains("NotFound"), "{body}");
    assert!(!body.contains("Chicago"));

    let mine = console.site_id("Toronto Lab");
    let (status, body) = console
        .server_fn(&client, "sites/get", &[("id", &mine)])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Toronto Lab"));
}

#[tokio::test]
async fn helpdesk_is_refused_sites_on_the_server() {
    let console = spawn().await;
    let client = browser(&console);
    assert_eq!(
        console.sign_in(&client, "helpdesk", PASSWORD).await,
        "/users"
    );
    let (status, html) = console.page(&client, "/sites").await;
    assert_eq!(status, 403);
    assert!(html.contains("does not allow"));
    let (status, body) = console
        .server_fn(
            &client,
            "sites/get",
            &[("id", &console.site_id("London Office"))],
        )
        .await;
    assert_ne!(status, 200);
    assert!(body.contains("Forbidden"));
    let (_, me) = console.server_fn(&client, "me", &[]).await;
    assert!(
        me.contains("\"nav\":[\"Users\",\"Jobs\",\"Account\"]"),
        "{me}"
    );
}

#[tokio::test]
async fn server_functions_need_a_session() {
    let console = spawn().await;
    let client = browser(&console);
    let (status, body) = console.server_fn(&client, "me", &[]).await;
    assert_ne!(status, 200);
    assert!(body.contains("SignedOut"), "{body}");
}

#[tokio::test]
async fn cross_site_requests_are_refused() {
    let console = spawn().await;
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let form = [("username", "admin"), ("password", PASSWORD)];
    // No origin at all, a foreign origin, a cross-site fetch: all refused.
    let none = plain
        .post(console.url("/auth/login"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 403);
    let foreign = plain
        .post(console.url("/auth/login"))
        .header("origin", "http://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    let cross = plain
        .post(console.url("/auth/logout"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403);

    // A signed-in session cannot be used from another site either.
    let client = browser(&console);
    console.sign_in(&client, "admin", PASSWORD).await;
    let forged = client
        .post(console.url("/api/sites/get"))
        .header("origin", "http://evil.example")
        .form(&[("id", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
}

#[tokio::test]
async fn repeated_failures_pause_sign_in() {
    let console = spawn().await;
    let client = browser(&console);
    for _ in 0..5 {
        assert!(console
            .sign_in(&client, "editor", "wrong")
            .await
            .contains("error=invalid"));
    }
    let paused = console.sign_in(&client, "editor", "wrong").await;
    assert!(paused.contains("error=throttled"), "{paused}");
    // Even the right password waits until the pause is over.
    let still = console.sign_in(&client, "editor", PASSWORD).await;
    assert!(still.contains("error=throttled"), "{still}");
    let (_, html) = console.page(&client, &still).await;
    assert!(html.contains("Too many failed sign-ins"));
    // Another account is not affected.
    assert_eq!(console.sign_in(&client, "admin", PASSWORD).await, "/sites");
}

#[tokio::test]
async fn sessions_survive_a_restart() {
    let data_dir = common::fresh_data_dir();
    let first = spawn_with(&[], data_dir.clone()).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = client
        .post(first.url("/auth/login"))
        .header("origin", first.base.clone())
        .form(&[("username", "admin"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();

    // A second console process over the same store accepts the same session.
    let second = spawn_with(&[], data_dir).await;
    let page = client
        .get(second.url("/account"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Tenant admin"));
}

#[tokio::test]
async fn sign_out_and_audit_trail() {
    let console = spawn().await;
    let client = browser(&console);
    console.sign_in(&client, "admin", PASSWORD).await;
    let out = client
        .post(console.url("/auth/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&out), "/login?error=signed_out");
    let after = client.get(console.url("/sites")).send().await.unwrap();
    assert!(after.status().is_redirection());
    let entries = console
        .state
        .console
        .store
        .list_audit(&console_store::AuditQuery {
            actor: Some("admin".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    let actions: Vec<_> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["console.sign_out", "console.sign_in"]);
}

#[tokio::test]
async fn metrics_show_the_queue() {
    let console = spawn().await;
    let client = browser(&console);
    console.sign_in(&client, "admin", PASSWORD).await;
    console.page(&client, "/sites").await;
    let text = client
        .get(console.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for name in [
        "upstream_requests_total{",
        "upstream_throttled_total",
        "upstream_queue_wait_seconds_bucket{",
        "upstream_queue_depth{",
        "upstream_cache_hits_total",
        "console_sign_ins_total{outcome=\"ok\"} 1",
    ] {
        assert!(text.contains(name), "missing {name} in\n{text}");
    }
    assert!(text.contains("operation=\"list_sites\""), "{text}");
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let console = spawn().await;
    let response = browser(&console)
        .get(console.url("/login"))
        .send()
        .await
        .unwrap();
    let h = response.headers();
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(csp.contains("'nonce-"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(h.get("x-frame-options").unwrap(), "DENY");
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
}

#[tokio::test]
async fn a_burst_of_parallel_guesses_cannot_get_around_the_throttle() {
    let console = spawn().await;
    let mut guesses = Vec::new();
    for i in 0..12 {
        let client = browser(&console);
        let base = console.url("/auth/login");
        guesses.push(tokio::spawn(async move {
            client
                .post(base)
                .form(&[("username", "admin"), ("password", &format!("guess-{i}"))])
                .send()
                .await
                .unwrap()
        }));
    }
    for g in guesses {
        g.await.unwrap();
    }
    let metrics = browser(&console)
        .get(console.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let checked: f64 = metrics
        .lines()
        .find(|l| l.starts_with("console_sign_ins_total{outcome=\"invalid\"}"))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
        .unwrap_or(0.0);
    assert!(
        checked <= 6.0,
        "only the free failures (+1) were checked, got {checked}:\n{metrics}"
    );
    // And the right password now waits too.
    let client = browser(&console);
    assert!(console
        .sign_in(&client, "admin", PASSWORD)
        .await
        .contains("error=throttled"));
}

#[tokio::test]
async fn control_characters_in_a_username_are_refused() {
    let console = spawn().await;
    let client = browser(&console);
    let to = console
        .sign_in(&client, "mallory\n2026 INFO signed in user=admin", "x")
        .await;
    assert!(to.starts_with("/login?error=missing"), "{to}");
}

#[tokio::test]
async fn page_zero_of_a_server_function_is_page_one() {
    let console = spawn().await;
    let client = browser(&console);
    console.sign_in(&client, "admin", PASSWORD).await;
    let (status, body) = console
        .server_fn(
            &client,
            "sites/list",
            &[
                ("query[q]", ""),
                ("query[sort]", "Name"),
                ("query[descending]", "false"),
                ("query[page]", "0"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"page\":1"), "{body}");
}
