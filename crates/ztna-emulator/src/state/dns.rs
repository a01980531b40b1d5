//! DNS resiliency: groups of DNS servers (each on a site) answering for domain suffixes.
//!
//! A group's servers are kept in priority order (first = highest). The server in use is the
//! first healthy one in that order; health is flipped by `/_emulator/dns/servers/{id}/health`.
//! Ids only need the UUID shape (8-4-4-4-12 letters and digits): the reference's own examples
//! (`5gd0a892-…-bf374b07453g`) are not valid hex.

use std::collections::BTreeMap;
use std::net::IpAddr;

use time::OffsetDateTime;
use uuid::Uuid;

use super::{parse_id, Field, Tenant};
use crate::error::EmulatorError;

#[derive(Debug, Clone)]
pub(crate) struct DnsGroup {
    pub id: String,
    pub name: String,
    pub domain_suffixes: Vec<String>,
    pub send_notifications: bool,
    pub enabled: bool,
    /// Server ids, highest priority first.
    pub servers: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct DnsServer {
    pub id: String,
    pub group_id: String,
    pub site_id: Uuid,
    pub name: String,
    pub internal_address: String,
    pub healthy: bool,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

#[derive(Debug, Default)]
pub(crate) struct Store {
    pub groups: BTreeMap<String, DnsGroup>,
    pub servers: BTreeMap<String, DnsServer>,
}

/// What a group reports: its status and the server answering now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Activity {
    pub status: &'static str,
    pub server_in_use: Option<String>,
    pub address: Option<String>,
}

impl Store {
    pub fn group(&self, id: &str) -> Result<&DnsGroup, EmulatorError> {
        self.groups
            .get(id)
            .ok_or_else(|| EmulatorError::NotFound(format!("DNS group {id} was not found")))
    }

    fn group_mut(&mut self, id: &str) -> Result<&mut DnsGroup, EmulatorError> {
        self.groups
            .get_mut(id)
            .ok_or_else(|| EmulatorError::NotFound(format!("DNS group {id} was not found")))
    }

    /// A server of `group_id` (a server of another group is "not found" here).
    pub fn server(&self, group_id: &str, id: &str) -> Result<&DnsServer, EmulatorError> {
        self.group(group_id)?;
        self.servers
            .get(id)
            .filter(|s| s.group_id == group_id)
            .ok_or_else(|| {
                EmulatorError::NotFound(format!(
                    "DNS server {id} was not found in DNS group {group_id}"
                ))
            })
    }

    /// The group's servers, highest priority first.
    pub fn servers_of<'a>(&'a self, group: &'a DnsGroup) -> impl Iterator<Item = &'a DnsServer> {
        group.servers.iter().filter_map(|id| self.servers.get(id))
    }

    pub fn activity(&self, group: &DnsGroup) -> Activity {
        let active = self.servers_of(group).find(|s| s.healthy);
        let status = if !group.enabled {
            "Disabled"
        } else if active.is_some() {
            "Available"
        } else {
            "UnAvailable"
        };
        Activity {
            status,
            server_in_use: active.map(|s| s.id.clone()),
            address: active.map(|s| s.internal_address.clone()),
        }
    }
}

/// Checks the UUID shape of a DNS id (400 otherwise).
pub(crate) fn check_dns_id(raw: &str) -> Result<(), EmulatorError> {
    let shaped = raw.len() == 36
        && raw.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_alphanumeric(),
        });
    if shaped {
        Ok(())
    } else {
        Err(EmulatorError::InvalidId)
    }
}

/// The writable properties of a group (POST and PUT).
#[derive(Debug, Clone, Default)]
pub(crate) struct GroupInput {
    pub name: Field<String>,
    pub domain_suffixes: Field<Vec<String>>,
    pub send_notifications: Field<bool>,
    /// PUT only: a new priority order.
    pub servers: Field<Vec<String>>,
}

/// The writable properties of a server (POST and PUT).
#[derive(Debug, Clone, Default)]
pub(crate) struct ServerInput {
    pub name: Field<String>,
    pub internal_address: Field<String>,
    pub site_id: Field<String>,
    pub group_id: Field<String>,
}

fn required<T>(field: Field<T>, name: &str) -> Result<T, EmulatorError> {
    field.into_option().ok_or_else(|| {
        EmulatorError::BadRequest(format!("Invalid request parameters: {name} is required"))
    })
}

fn validate_name(name: Field<String>) -> Result<String, EmulatorError> {
    let name = required(name, "name")?.trim().to_owned();
    if name.is_empty() || name.chars().count() > 255 {
        return Err(EmulatorError::BadRequest(
            "Invalid request parameters: name must be 1 to 255 characters long".into(),
        ));
    }
    Ok(name)
}

fn validate_suffixes(raw: Field<Vec<String>>) -> Result<Vec<String>, EmulatorError> {
    let mut out: Vec<String> = Vec::new();
    for suffix in required(raw, "domainSuffixes")? {
        let suffix = suffix.trim().trim_end_matches('.').to_ascii_lowercase();
        let ok = !suffix.is_empty()
            && suffix.len() <= 253
            && suffix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '*'))
            && suffix.chars().any(|c| c.is_ascii_alphanumeric());
        if !ok {
            return Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: '{suffix}' is not a valid domain suffix"
            )));
        }
        if !out.contains(&suffix) {
            out.push(suffix);
        }
    }
    if out.is_empty() {
        return Err(EmulatorError::BadRequest(
            "Invalid request parameters: domainSuffixes must hold at least one suffix".into(),
        ));
    }
    Ok(out)
}

impl Tenant {
    fn ensure_unique_dns_group_name(
        &self,
        name: &str,
        except: Option<&str>,
    ) -> Result<(), EmulatorError> {
        if self
            .dns
            .groups
            .values()
            .any(|g| g.name.eq_ignore_ascii_case(name) && Some(g.id.as_str()) != except)
        {
            return Err(EmulatorError::Conflict(format!(
                "Value of name '{name}' is already used by an existing object"
            )));
        }
        Ok(())
    }

    pub fn create_dns_group(&mut self, input: GroupInput) -> Result<String, EmulatorError> {
        let name = validate_name(input.name)?;
        let domain_suffixes = validate_suffixes(input.domain_suffixes)?;
        let send_notifications = required(input.send_notifications, "sendNotifications")?;
        if input.servers.into_option().is_some_and(|s| !s.is_empty()) {
            return Err(EmulatorError::BadRequest(
                "Invalid request parameters: a new group has no servers; add them with POST .../servers".into(),
            ));
        }
        self.ensure_unique_dns_group_name(&name, None)?;
        let id = Uuid::new_v4().to_string();
        self.dns.groups.insert(
            id.clone(),
            DnsGroup {
                id: id.clone(),
                name,
                domain_suffixes,
                send_notifications,
                enabled: true,
                servers: Vec::new(),
            },
        );
        Ok(id)
    }

    /// PUT: name, domainSuffixes and sendNotifications are required; `servers`, when sent,
    /// must list the group's servers in their new priority order.
    pub fn update_dns_group(&mut self, id: &str, input: GroupInput) -> Result<(), EmulatorError> {
        self.dns.group(id)?;
        let name = validate_name(input.name)?;
        let domain_suffixes = validate_suffixes(input.domain_suffixes)?;
        let send_notifications = required(input.send_notifications, "sendNotifications")?;
        self.ensure_unique_dns_group_name(&name, Some(id))?;
        if let Some(order) = input.servers.into_option() {
            self.set_dns_server_order(id, order)?;
        }
        let group = self.dns.group_mut(id)?;
        group.name = name;
        group.domain_suffixes = domain_suffixes;
        group.send_notifications = send_notifications;
        Ok(())
    }

    /// Deletes the group and its servers.
    pub fn delete_dns_group(&mut self, id: &str) -> Result<(), EmulatorError> {
        let group = self.dns.group(id)?.clone();
        for server in &group.servers {
            self.dns.servers.remove(server);
        }
        self.dns.groups.remove(id);
        Ok(())
    }

    fn checked_server_fields(
        &self,
        group_id: &str,
        input: ServerInput,
        except: Option<&str>,
    ) -> Result<(String, String, Uuid), EmulatorError> {
        if let Some(body_group) = input.group_id.into_option() {
            if body_group != group_id {
                return Err(EmulatorError::BadRequest(format!(
                    "Invalid request parameters: groupId '{body_group}' does not match the DNS group {group_id} of the path"
                )));
            }
        }
        let name = validate_name(input.name)?;
        let address = required(input.internal_address, "internalAddress")?
            .trim()
            .to_owned();
        let address: IpAddr = address.parse().map_err(|_| {
            EmulatorError::BadRequest(format!(
                "Invalid request parameters: internalAddress '{address}' is not an IP address"
            ))
        })?;
        let raw_site = required(input.site_id, "siteId")?;
        let site_id = parse_id(raw_site.trim()).map_err(|_| {
            EmulatorError::BadRequest(format!(
                "Invalid request parameters: siteId '{raw_site}' is not a valid site id"
            ))
        })?;
        if !self.sites.contains_key(&site_id) {
            return Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: site {site_id} does not exist"
            )));
        }
        let group = self.dns.group(group_id)?;
        for other in self.dns.servers_of(group) {
            if Some(other.id.as_str()) == except {
                continue;
            }
            if other.name.eq_ignore_ascii_case(&name) {
                return Err(EmulatorError::Conflict(format!(
                    "Value of name '{name}' is already used by an existing object"
                )));
            }
            if other.internal_address == address.to_string() {
                return Err(EmulatorError::Conflict(format!(
                    "Value of internalAddress '{address}' is already used by an existing object"
                )));
            }
        }
        Ok((name, address.to_string(), site_id))
    }

    /// New servers get the lowest priority.
    pub fn create_dns_server(
        &mut self,
        group_id: &str,
        input: ServerInput,
        now: OffsetDateTime,
    ) -> Result<String, EmulatorError> {
        self.dns.group(group_id)?;
        let (name, internal_address, site_id) =
            self.checked_server_fields(group_id, input, None)?;
        let id = Uuid::new_v4().to_string();
        self.dns.servers.insert(
            id.clone(),
            DnsServer {
                id: id.clone(),
                group_id: group_id.to_owned(),
                site_id,
                name,
                internal_address,
                healthy: true,
                created_at: now,
                updated_at: now,
            },
        );
        self.dns.group_mut(group_id)?.servers.push(id.clone());
        Ok(id)
    }

    pub fn update_dns_server(
        &mut self,
        group_id: &str,
        id: &str,
        input: ServerInput,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.dns.server(group_id, id)?;
        let (name, internal_address, site_id) =
            self.checked_server_fields(group_id, input, Some(id))?;
        let server = self
            .dns
            .servers
            .get_mut(id)
            .ok_or_else(|| EmulatorError::NotFound(format!("DNS server {id} was not found")))?;
        server.name = name;
        server.internal_address = internal_address;
        server.site_id = site_id;
        server.updated_at = now;
        Ok(())
    }

    /// Deletes all of `ids` or none (404 when one is not a server of the group).
    pub fn delete_dns_servers(
        &mut self,
        group_id: &str,
        ids: Vec<String>,
    ) -> Result<(), EmulatorError> {
        self.dns.group(group_id)?;
        if ids.is_empty() {
            return Err(EmulatorError::BadRequest(
                "Invalid request parameters: DnsServerIds must hold at least one id".into(),
            ));
        }
        for id in &ids {
            check_dns_id(id)?;
            self.dns.server(group_id, id)?;
        }
        for id in &ids {
            self.dns.servers.remove(id);
        }
        self.dns
            .group_mut(group_id)?
            .servers
            .retain(|s| !ids.contains(s));
        Ok(())
    }

    /// `order` must name every server of the group exactly once, highest priority first.
    pub fn set_dns_server_order(
        &mut self,
        group_id: &str,
        order: Vec<String>,
    ) -> Result<(), EmulatorError> {
        let group = self.dns.group(group_id)?;
        for id in &order {
            check_dns_id(id)?;
            self.dns.server(group_id, id)?;
        }
        let mut sorted_new = order.clone();
        sorted_new.sort();
        sorted_new.dedup();
        let mut sorted_old = group.servers.clone();
        sorted_old.sort();
        if sorted_new.len() != order.len() || sorted_new != sorted_old {
            return Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: DnsServerIds must list each of the group's {} server(s) exactly once",
                group.servers.len()
            )));
        }
        self.dns.group_mut(group_id)?.servers = order;
        Ok(())
    }

    /// Enables or disables all of `ids` or none.
    pub fn enable_dns_groups(
        &mut self,
        ids: Vec<String>,
        enable: bool,
    ) -> Result<(), EmulatorError> {
        if ids.is_empty() {
            return Err(EmulatorError::BadRequest(
                "Invalid request parameters: groupIds must hold at least one id".into(),
            ));
        }
        for id in &ids {
            check_dns_id(id)?;
            self.dns.group(id)?;
        }
        for id in &ids {
            self.dns.group_mut(id)?.enabled = enable;
        }
        Ok(())
    }

    /// The emulator control: a server stops or starts answering.
    pub fn set_dns_server_health(
        &mut self,
        id: &str,
        healthy: bool,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        check_dns_id(id)?;
        let server = self
            .dns
            .servers
            .get_mut(id)
            .ok_or_else(|| EmulatorError::NotFound(format!("DNS server {id} was not found")))?;
        if server.healthy != healthy {
            server.healthy = healthy;
            server.updated_at = now;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_ids_need_only_the_shape() {
        assert!(check_dns_id("5gd0a892-8b70-471a-9dd7-bf374b07453g").is_ok());
        assert!(check_dns_id("0115deec-b583-4335-92f2-8269f0bfd493").is_ok());
        assert!(check_dns_id("{dnsGroupId}").is_err());
        assert!(check_dns_id("5gd0a892-8b70-471a-9dd7-bf374b07453").is_err());
        assert!(check_dns_id("5gd0a892_8b70-471a-9dd7-bf374b07453g").is_err());
    }
}
