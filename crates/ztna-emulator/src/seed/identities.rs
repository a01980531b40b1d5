//! The identity seed: four identity providers, users, groups with members, blocked users,
//! and the directory (every user and group, plus a few API clients) that later seeds draw
//! policy and role-binding subjects from.
//!
//! It draws from its own ChaCha8 stream (`config.seed ^ STREAM`), so the sites and
//! connectors seeded before it keep their ids whatever the identity sizes are.
//!
//! The reference's example objects exist under their documented ids: the local users
//! `978f38e3-…` (John Doe), `4fd0a357-…` (blocked) and `64b2d04f-…`, the local groups
//! `d8028639-…` ("Administrators") and `b7188113-…`, the Okta provider `1e1513c8-…`, the
//! Generic SAML provider `a5ea5f01-…` with SCIM users `6fd0a892-…` ("user3") and
//! `99116c18-…`, and SCIM group `6fd0a892-…`.

use std::collections::BTreeSet;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Duration, OffsetDateTime};

use super::{names, people};
use crate::config::EmulatorConfig;
use crate::state::directory::{SubjectKind, SubjectRef};
use crate::state::identities::{
    key, local_user_id, Blocked, Group, IdentityProvider, Paging, ScimAttributes, User, LOCAL,
};
use crate::state::Tenant;

/// Mixed into `config.seed` for this seed's random stream ("identity").
const STREAM: u64 = 0x6964_656e_7469_7479;

pub(crate) const OKTA_ID: &str = "1e1513c8-3801-4e58-bba3-e2466bd3fbb4";
pub(crate) const SAML_ID: &str = "a5ea5f01-f73c-427f-b3b6-da66433e7694";

pub(crate) const EXAMPLE_USER: &str = "978f38e3-ec9f-4779-829d-19f1f443dec8";
pub(crate) const EXAMPLE_BLOCKED_USER: &str = "4fd0a357-8b70-345a-9dd7-bf359b07451f";
pub(crate) const EXAMPLE_MEMBER_USER: &str = "64b2d04f-157f-48a3-a277-e1b4147c46c4";
pub(crate) const EXAMPLE_ADMIN_GROUP: &str = "d8028639-a76a-4614-965a-7e3d4832d94b";
pub(crate) const EXAMPLE_LOCAL_GROUP: &str = "b7188113-b9c6-4dee-9a3c-3963236f19a8";
pub(crate) const EXAMPLE_SCIM_USER: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
pub(crate) const EXAMPLE_SCIM_USER_2: &str = "99116c18-d842-4d2e-82b7-a493cc86e649";
pub(crate) const EXAMPLE_SCIM_GROUP: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
pub(crate) const EXAMPLE_EXTERNAL_ID: &str = "3c536623-4763-4f67-a45a-e88f3d08cdd5";

/// A few API clients that role bindings may name.
const API_CLIENTS: &[&str] = &[
    "terraform-automation",
    "siem-log-export",
    "ci-deployer",
    "console-readonly",
];

struct Seeder<'a> {
    rng: ChaCha8Rng,
    anchor: OffsetDateTime,
    tenant_name: &'a str,
    /// Email local parts already used per domain, to keep addresses unique.
    used: BTreeSet<String>,
}

pub(crate) fn seed(tenant: &mut Tenant, config: &EmulatorConfig, anchor: OffsetDateTime) {
    let mut s = Seeder {
        rng: ChaCha8Rng::seed_from_u64(config.seed ^ STREAM),
        anchor,
        tenant_name: &config.tenant,
        used: BTreeSet::new(),
    };
    let azure_id = names::uuid(&mut s.rng).to_string();
    tenant.identities.providers = s.providers(&azure_id);

    // Example users first, so their addresses are never taken by a random one.
    for user in s.example_users() {
        tenant.insert_user(user);
    }

    // The rest, spread over the providers: local 8%, Okta 52%, Azure AD 30%, SAML 10%.
    let remaining = config.users.saturating_sub(tenant.identities.users.len());
    let plan = [
        (LOCAL, remaining * 8 / 100),
        (OKTA_ID, remaining * 52 / 100),
        (azure_id.as_str(), remaining * 30 / 100),
    ];
    let planned: usize = plan.iter().map(|(_, n)| n).sum();
    let plan = plan
        .into_iter()
        .chain([(SAML_ID, remaining.saturating_sub(planned))]);
    for (idp, count) in plan {
        for _ in 0..count {
            let user = s.user(idp, &azure_id);
            tenant.insert_user(user);
        }
    }

    seed_groups(&mut s, tenant, config.groups, &azure_id);
    seed_blocked(&mut s, tenant, config.blocked_users);

    for name in API_CLIENTS {
        tenant.directory.push(SubjectRef {
            idp_id: LOCAL.to_owned(),
            idp_type: LOCAL.to_owned(),
            idp_name: "Symantec ZTNA".to_owned(),
            entity_id: names::uuid(&mut s.rng).to_string(),
            kind: SubjectKind::ApiClient,
            display_name: (*name).to_owned(),
        });
    }
}

fn seed_groups(s: &mut Seeder<'_>, tenant: &mut Tenant, total: usize, azure_id: &str) {
    let users_of = |tenant: &Tenant, idp: &str| -> Vec<String> {
        tenant
            .identities
            .users_of(idp)
            .map(|u| u.id.clone())
            .collect()
    };
    let local_users = users_of(tenant, LOCAL);
    let saml_users = users_of(tenant, SAML_ID);

    // Example groups.
    let admins: Vec<String> = std::iter::once(EXAMPLE_USER.to_owned())
        .chain(
            tenant
                .identities
                .users_of(LOCAL)
                .filter(|u| u.is_admin && u.id != EXAMPLE_USER)
                .map(|u| u.id.clone()),
        )
        .collect();
    let created = s.anchor - Duration::days(800);
    tenant.insert_group(Group {
        id: EXAMPLE_ADMIN_GROUP.to_owned(),
        idp_id: LOCAL.to_owned(),
        name: "Administrators".to_owned(),
        created_at: created,
        updated_at: created + Duration::days(30),
        members: admins,
        external_id: None,
    });
    let engineering: Vec<String> = local_users
        .iter()
        .filter(|id| id.as_str() != EXAMPLE_MEMBER_USER)
        .filter(|_| s.rng.gen_bool(0.3))
        .cloned()
        .collect();
    let created = s.anchor - Duration::days(s.rng.gen_range(200..700));
    tenant.insert_group(Group {
        id: EXAMPLE_LOCAL_GROUP.to_owned(),
        idp_id: LOCAL.to_owned(),
        name: "Engineering".to_owned(),
        created_at: created,
        updated_at: created + Duration::days(s.rng.gen_range(1..150)),
        members: engineering,
        external_id: None,
    });
    let mut contractors: Vec<String> = vec![EXAMPLE_SCIM_USER.to_owned()];
    contractors.extend(
        saml_users
            .iter()
            .filter(|id| id.as_str() != EXAMPLE_SCIM_USER && id.as_str() != EXAMPLE_SCIM_USER_2)
            .filter(|_| s.rng.gen_bool(0.4))
            .cloned(),
    );
    let created = s.anchor - Duration::days(s.rng.gen_range(60..400));
    tenant.insert_group(Group {
        id: EXAMPLE_SCIM_GROUP.to_owned(),
        idp_id: SAML_ID.to_owned(),
        name: "Contractors".to_owned(),
        created_at: created,
        updated_at: created + Duration::days(s.rng.gen_range(1..50)),
        members: contractors,
        external_id: Some(EXAMPLE_EXTERNAL_ID.to_owned()),
    });

    let remaining = total.saturating_sub(tenant.identities.groups.len());
    let plan = [
        (LOCAL, remaining * 10 / 100),
        (OKTA_ID, remaining * 45 / 100),
        (azure_id, remaining * 35 / 100),
    ];
    let planned: usize = plan.iter().map(|(_, n)| n).sum();
    let plan: Vec<(&str, usize)> = plan
        .into_iter()
        .chain([(SAML_ID, remaining.saturating_sub(planned))])
        .collect();
    for (idp, count) in plan {
        let pool = users_of(tenant, idp);
        let mut names: Vec<&str> = people::GROUP_NAMES.to_vec();
        names.shuffle(&mut s.rng);
        for i in 0..count {
            let base = names.get(i % names.len().max(1)).copied().unwrap_or("Team");
            let round = i / names.len().max(1);
            let mut name = if idp == azure_id {
                format!("SG-{}", base.replace(' ', "-"))
            } else {
                base.to_owned()
            };
            if round > 0 {
                name = format!("{name} {}", round + 1);
            }
            if tenant
                .identities
                .ensure_unique_group_name(idp, &name, None)
                .is_err()
            {
                name = format!("{name} ({})", i + 1);
            }
            let group = s.group(idp, name, &pool);
            tenant.insert_group(group);
        }
    }
}

fn seed_blocked(s: &mut Seeder<'_>, tenant: &mut Tenant, total: usize) {
    let mut candidates: Vec<(String, String)> = tenant
        .identities
        .users
        .keys()
        .filter(|(idp, id)| {
            !(idp == LOCAL && id == EXAMPLE_USER)
                && id != EXAMPLE_BLOCKED_USER
                && id != EXAMPLE_SCIM_USER
                && id != EXAMPLE_SCIM_USER_2
        })
        .cloned()
        .collect();
    candidates.shuffle(&mut s.rng);
    let mut chosen = vec![(LOCAL.to_owned(), EXAMPLE_BLOCKED_USER.to_owned())];
    chosen.extend(candidates.into_iter().take(total.saturating_sub(1)));
    let mut blocked: Vec<Blocked> = chosen
        .into_iter()
        .filter(|(idp, id)| tenant.identities.users.contains_key(&key(idp, id)))
        .map(|(idp_id, user_id)| Blocked {
            idp_id,
            user_id,
            created_at: s.anchor - Duration::seconds(s.rng.gen_range(3_600..120 * 86_400)),
        })
        .collect();
    blocked.sort_by_key(|b| b.created_at);
    tenant.identities.blocked = blocked;
}

impl Seeder<'_> {
    fn providers(&mut self, azure_id: &str) -> Vec<IdentityProvider> {
        let tenant = self.tenant_name.to_uppercase();
        let mut provider = |id: &str, name: &str, kind: &str, paging, age_days: i64| {
            let created_at = self.anchor - Duration::days(age_days);
            let connection: String = (0..16)
                .map(|_| {
                    const ALNUM: &[u8] =
                        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
                    char::from(ALNUM[self.rng.gen_range(0..ALNUM.len())])
                })
                .collect();
            IdentityProvider {
                id: id.to_owned(),
                name: name.to_owned(),
                provider: kind.to_owned(),
                paging,
                is_authenticator: true,
                is_user_store: true,
                authenticator_id: None,
                created_at,
                updated_at: created_at + Duration::days(self.rng.gen_range(0..age_days.max(1))),
                auth0_connection_id: format!("con_{connection}"),
                upn_override_value_data_mapping: None,
            }
        };
        vec![
            provider(LOCAL, "Symantec ZTNA", LOCAL, Paging::Numeric, 1_100),
            provider(
                OKTA_ID,
                &format!("Okta {tenant}"),
                "okta",
                Paging::Cursor,
                900,
            ),
            provider(
                azure_id,
                &format!("Azure AD {tenant}"),
                "azure",
                Paging::Cursor,
                500,
            ),
            provider(
                SAML_ID,
                "Contractors (Generic SAML)",
                "generic-saml",
                Paging::Numeric,
                300,
            ),
        ]
    }

    fn email_domain(&self) -> String {
        format!("{}.com", self.tenant_name)
    }

    /// A unique `first.last` (folded to ASCII) within `domain`.
    fn local_part(&mut self, first: &str, last: &str, domain: &str) -> String {
        let base = format!(
            "{}.{}",
            names::slug(first).to_lowercase(),
            names::slug(last).to_lowercase().replace('-', "")
        )
        .replace('\'', "");
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.used.insert(format!("{candidate}@{domain}")) {
            n += 1;
            candidate = format!("{base}{n}");
        }
        candidate
    }

    fn activity(&mut self, created_at: OffsetDateTime) -> (Option<OffsetDateTime>, u32) {
        let age_days = (self.anchor - created_at).whole_days().max(1);
        match self.rng.gen_range(0..100) {
            // Never logged in.
            0..=5 => (None, 0),
            // Dormant.
            6..=15 => {
                let back = self.rng.gen_range(31..age_days.max(32));
                let login = (self.anchor - Duration::days(back)).max(created_at);
                (Some(login), self.rng.gen_range(1..40))
            }
            // Active: logged in during the last month.
            _ => {
                let login = self.anchor - Duration::seconds(self.rng.gen_range(300..30 * 86_400));
                let per_day: f64 = self.rng.gen_range(0.2..2.5);
                let count = (age_days as f64 * per_day).round() as u32;
                (Some(login.max(created_at)), count.max(1))
            }
        }
    }

    fn person(&mut self) -> (String, String) {
        let first = people::FIRST_NAMES
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("Alex");
        let last = people::LAST_NAMES
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("Doe");
        (first.to_owned(), last.to_owned())
    }

    fn okta_id(&mut self, prefix: &str) -> String {
        const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let tail: String = (0..17)
            .map(|_| char::from(ALNUM[self.rng.gen_range(0..ALNUM.len())]))
            .collect();
        format!("{prefix}{tail}")
    }

    fn user(&mut self, idp: &str, azure_id: &str) -> User {
        let (first, last) = self.person();
        let created_at = self.anchor
            - Duration::days(self.rng.gen_range(20..1_000))
            - Duration::seconds(self.rng.gen_range(0..86_400));
        let (last_login, logins_count) = self.activity(created_at);
        let company = self.email_domain();
        let (id, username, email, notification_email, upn, scim) = if idp == LOCAL {
            let local = self.local_part(&first, &last, &company);
            let personal = people::PERSONAL_DOMAINS
                .choose(&mut self.rng)
                .copied()
                .unwrap_or("gmail.com");
            let notification = if self.rng.gen_bool(0.3) {
                format!("{local}@{personal}")
            } else {
                format!("{local}@{company}")
            };
            (
                local_user_id(&mut self.rng),
                format!("{local}@{}.luminatesec.com", self.tenant_name),
                format!("{local}@{company}"),
                notification,
                Some(format!("{local}@{company}")),
                None,
            )
        } else if idp == SAML_ID {
            let domain = people::PARTNER_DOMAINS
                .choose(&mut self.rng)
                .copied()
                .unwrap_or("partner.com");
            let local = self.local_part(&first, &last, domain);
            let address = format!("{local}@{domain}");
            let scim = ScimAttributes {
                external_id: Some(names::uuid(&mut self.rng).to_string()),
                display_name: Some(format!("{first} {last}")),
                emails: vec![(address.clone(), true)],
                // Contractors reach one or two workstations through the tenant.
                target_workstations: (0..self.rng.gen_range(1..=2))
                    .map(|_| format!("ws-{:04}.corp.{company}", self.rng.gen_range(1..4000)))
                    .collect(),
            };
            (
                names::uuid(&mut self.rng).to_string(),
                address.clone(),
                address.clone(),
                address.clone(),
                Some(address),
                Some(scim),
            )
        } else {
            let local = self.local_part(&first, &last, &company);
            let address = format!("{local}@{company}");
            let id = if idp == azure_id {
                names::uuid(&mut self.rng).to_string()
            } else {
                self.okta_id("00u")
            };
            (
                id,
                address.clone(),
                address.clone(),
                address.clone(),
                Some(address),
                None,
            )
        };
        User {
            id,
            idp_id: idp.to_owned(),
            username,
            notification_email,
            upn,
            first_name: Some(first),
            last_name: Some(last),
            email,
            created_at,
            updated_at: created_at + Duration::days(self.rng.gen_range(0..20)),
            last_login,
            logins_count,
            is_admin: idp == LOCAL && self.rng.gen_bool(0.08),
            has_mfa_secret: self.rng.gen_bool(0.7),
            scim,
        }
    }

    /// The reference's example users, with the reference's values where it gives them.
    fn example_users(&mut self) -> Vec<User> {
        let company = self.email_domain();
        let tenant = self.tenant_name.to_owned();
        let mut out = Vec::new();
        let local = |s: &mut Self, id: &str, first: &str, last: &str, admin: bool| {
            let local = s.local_part(first, last, &company);
            let created_at = s.anchor - Duration::days(s.rng.gen_range(300..900));
            let (last_login, logins_count) = (
                Some(s.anchor - Duration::seconds(s.rng.gen_range(600..3 * 86_400))),
                s.rng.gen_range(300..1_500),
            );
            User {
                id: id.to_owned(),
                idp_id: LOCAL.to_owned(),
                username: format!("{local}@{tenant}.luminatesec.com"),
                notification_email: format!("{local}@gmail.com"),
                upn: Some(format!("{local}@{company}")),
                first_name: Some(first.to_owned()),
                last_name: Some(last.to_owned()),
                email: format!("{local}@{company}"),
                created_at,
                updated_at: created_at + Duration::days(10),
                last_login,
                logins_count,
                is_admin: admin,
                has_mfa_secret: true,
                scim: None,
            }
        };
        out.push(local(self, EXAMPLE_USER, "John", "Doe", false));
        out.push(local(self, EXAMPLE_BLOCKED_USER, "Daniel", "Levi", false));
        out.push(local(self, EXAMPLE_MEMBER_USER, "Grace", "Hopper", false));
        for (id, user_name, first, last, domain) in [
            (
                EXAMPLE_SCIM_USER,
                "user3",
                "Dana",
                "Scully",
                "globex-consulting.com",
            ),
            (
                EXAMPLE_SCIM_USER_2,
                "user4",
                "Fox",
                "Mulder",
                "globex-consulting.com",
            ),
        ] {
            let local = self.local_part(first, last, domain);
            let address = format!("{local}@{domain}");
            let created_at = self.anchor - Duration::days(self.rng.gen_range(30..200));
            let (last_login, logins_count) = self.activity(created_at);
            out.push(User {
                id: id.to_owned(),
                idp_id: SAML_ID.to_owned(),
                username: user_name.to_owned(),
                notification_email: address.clone(),
                upn: Some(address.clone()),
                first_name: Some(first.to_owned()),
                last_name: Some(last.to_owned()),
                email: address.clone(),
                created_at,
                updated_at: created_at,
                last_login,
                logins_count,
                is_admin: false,
                has_mfa_secret: false,
                scim: Some(ScimAttributes {
                    external_id: Some(EXAMPLE_EXTERNAL_ID.to_owned()),
                    display_name: Some(format!("{first} {last}")),
                    emails: vec![(address, true)],
                    target_workstations: vec![format!(
                        "ws-{}.corp.{company}",
                        names::slug(last).to_lowercase()
                    )],
                }),
            });
        }
        out
    }

    fn group(&mut self, idp: &str, name: String, pool: &[String]) -> Group {
        let created_at = self.anchor - Duration::days(self.rng.gen_range(30..900));
        // Group sizes are log-uniform: many small teams, a few big ones.
        let max = pool.len().min(300);
        let size = if max < 3 {
            max
        } else {
            let lo = 3f64.ln();
            let hi = (max as f64).ln();
            self.rng.gen_range(lo..=hi).exp().round() as usize
        };
        let members: Vec<String> = pool.choose_multiple(&mut self.rng, size).cloned().collect();
        let id = match idp {
            OKTA_ID => self.okta_id("00g"),
            _ => names::uuid(&mut self.rng).to_string(),
        };
        Group {
            id,
            idp_id: idp.to_owned(),
            name,
            created_at,
            updated_at: created_at + Duration::days(self.rng.gen_range(0..30)),
            members,
            external_id: (idp == SAML_ID).then(|| names::uuid(&mut self.rng).to_string()),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::seed::seed_tenant;

    #[test]
    fn sizes_examples_and_directory() {
        let config = EmulatorConfig {
            audit_logs: 0,
            forensics_logs: 0,
            ..EmulatorConfig::default()
        };
        let t = seed_tenant(&config, crate::timefmt::anchor());
        let ids = &t.identities;
        assert_eq!(ids.users.len(), config.users);
        assert_eq!(ids.groups.len(), config.groups);
        assert_eq!(ids.blocked.len(), config.blocked_users);
        assert_eq!(ids.providers.len(), 4);
        for (idp, id) in [
            (LOCAL, EXAMPLE_USER),
            (LOCAL, EXAMPLE_BLOCKED_USER),
            (LOCAL, EXAMPLE_MEMBER_USER),
            (SAML_ID, EXAMPLE_SCIM_USER),
            (SAML_ID, EXAMPLE_SCIM_USER_2),
        ] {
            assert!(ids.user(idp, id).is_ok(), "{idp}/{id}");
        }
        assert_eq!(
            ids.group(LOCAL, EXAMPLE_ADMIN_GROUP).unwrap().name,
            "Administrators"
        );
        assert!(ids.is_blocked(LOCAL, EXAMPLE_BLOCKED_USER));
        // Every user and group is in the directory, plus the API clients.
        let count = |kind| t.directory.iter().filter(|s| s.kind == kind).count();
        assert_eq!(count(SubjectKind::User), config.users);
        assert_eq!(count(SubjectKind::Group), config.groups);
        assert_eq!(count(SubjectKind::ApiClient), API_CLIENTS.len());
        // Unique usernames per provider.
        for p in &ids.providers {
            let names: BTreeSet<String> = ids
                .users_of(&p.id)
                .map(|u| u.username.to_lowercase())
                .collect();
            assert_eq!(names.len(), ids.users_of(&p.id).count(), "{}", p.name);
        }
        // Groups have members of their own provider.
        for g in ids.groups.values() {
            assert_eq!(ids.members_of(g).count(), g.members.len(), "{}", g.name);
        }
    }

    #[test]
    fn does_not_shift_sites() {
        let a = seed_tenant(
            &EmulatorConfig {
                users: 10,
                groups: 5,
                audit_logs: 0,
                forensics_logs: 0,
                ..EmulatorConfig::default()
            },
            crate::timefmt::anchor(),
        );
        let b = seed_tenant(
            &EmulatorConfig {
                users: 50,
                groups: 9,
                audit_logs: 0,
                forensics_logs: 0,
                ..EmulatorConfig::default()
            },
            crate::timefmt::anchor(),
        );
        assert_eq!(
            a.sites.keys().collect::<Vec<_>>(),
            b.sites.keys().collect::<Vec<_>>()
        );
        assert_eq!(a.tenant_identifier, b.tenant_identifier);
    }
}
