//! Access and activity policies: `/v2/policies`, their configuration catalogues and the
//! assignment of applications to policies (`/v2/policies/by-app-id/{id}`).

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::path::segment;
use crate::query::ListQuery;
use crate::TenantClient;
use ztna_wire::{
    ActionType, AppPolicies, ConditionDefinition, OneOrMany, Page, Policy, ValidatorType,
};

const POLICIES: &str = "/policies";

/// A policy's collection may change: collection counts are dropped with policy writes.
const POLICY_WRITE_ALSO: &[Family] = &[Family::Collections];

fn policy_path(id: &str) -> Result<String, ApiError> {
    Ok(format!("{POLICIES}/{}", segment("policy id", id)?))
}

fn by_app_path(application_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{POLICIES}/by-app-id/{}",
        segment("application id", application_id)?
    ))
}

impl TenantClient {
    /// `GET /v2/policies?page&size&sort&filter`.
    pub async fn list_policies(&self, q: &ListQuery) -> Result<Page<Policy>, ApiError> {
        self.call(
            Endpoint::get("list_policies", Family::Policies, POLICIES.into()).with_query(q.pairs()),
        )
        .await
    }

    /// Every page of [`TenantClient::list_policies`] from `q.page` on.
    pub async fn all_policies(&self, q: &ListQuery) -> Result<Vec<Policy>, ApiError> {
        pager::walk(
            q,
            |p: &Policy| p.id.as_deref().unwrap_or_default(),
            |q| {
                let this = self.clone();
                async move { this.list_policies(&q).await }
            },
        )
        .await
    }

    /// `GET /v2/policies/{id}`.
    pub async fn get_policy(&self, id: &str) -> Result<Policy, ApiError> {
        self.call(Endpoint::get(
            "get_policy",
            Family::Policies,
            policy_path(id)?,
        ))
        .await
    }

    /// `POST /v2/policies` (the read-only `createdAt` is not sent).
    pub async fn create_policy(&self, p: &Policy) -> Result<Policy, ApiError> {
        self.call(
            Endpoint::post("create_policy", Family::Policies, POLICIES.into())
                .also_invalidates(POLICY_WRITE_ALSO)
                .with_json(&p.to_write())?,
        )
        .await
    }

    /// `PUT /v2/policies/{id}`: replaces the whole policy (see
    /// [`TenantClient::update_policy_with`]).
    pub async fn update_policy(&self, id: &str, p: &Policy) -> Result<Policy, ApiError> {
        self.call(
            Endpoint::put("update_policy", Family::Policies, policy_path(id)?)
                .also_invalidates(POLICY_WRITE_ALSO)
                .with_json(&p.to_write())?,
        )
        .await
    }

    /// Reads the policy (bypassing the cache), lets `edit` change it, and writes the whole
    /// policy back (booleans explicit, unknown properties kept).
    pub async fn update_policy_with<F>(&self, id: &str, edit: F) -> Result<Policy, ApiError>
    where
        F: FnOnce(&mut Policy) + Send,
    {
        let mut p: Policy = self
            .call(Endpoint::get("get_policy", Family::Policies, policy_path(id)?).uncached())
            .await?;
        edit(&mut p);
        p.id = Some(id.to_owned());
        self.update_policy(id, &p).await
    }

    /// `DELETE /v2/policies/{id}`.
    pub async fn delete_policy(&self, id: &str) -> Result<(), ApiError> {
        self.call_empty(
            Endpoint::delete("delete_policy", Family::Policies, policy_path(id)?)
                .also_invalidates(POLICY_WRITE_ALSO),
        )
        .await
    }

    /// `GET /v2/policies/config/condition-definitions` (one bare object is read as a list
    /// of one, as the reference prints it).
    pub async fn condition_definitions(&self) -> Result<Vec<ConditionDefinition>, ApiError> {
        let all: OneOrMany<ConditionDefinition> = self
            .call(Endpoint::get(
                "condition_definitions",
                Family::Policies,
                format!("{POLICIES}/config/condition-definitions"),
            ))
            .await?;
        Ok(all.0)
    }

    /// `GET /v2/policies/config/action-types`.
    pub async fn action_types(&self) -> Result<Vec<ActionType>, ApiError> {
        let all: OneOrMany<ActionType> = self
            .call(Endpoint::get(
                "action_types",
                Family::Policies,
                format!("{POLICIES}/config/action-types"),
            ))
            .await?;
        Ok(all.0)
    }

    /// `GET /v2/policies/config/validator-types` (ids spelt `MFA`; policies say
    /// `VALIDATOR_MFA`: see [`ztna_wire::Validators`]).
    pub async fn validator_types(&self) -> Result<Vec<ValidatorType>, ApiError> {
        let all: OneOrMany<ValidatorType> = self
            .call(Endpoint::get(
                "validator_types",
                Family::Policies,
                format!("{POLICIES}/config/validator-types"),
            ))
            .await?;
        Ok(all.0)
    }

    /// `GET /v2/policies/by-app-id/{application_id}`: the policies an application is in.
    pub async fn policies_of_application(
        &self,
        application_id: &str,
    ) -> Result<Vec<Policy>, ApiError> {
        let all: OneOrMany<Policy> = self
            .call(Endpoint::get(
                "policies_of_application",
                Family::Policies,
                by_app_path(application_id)?,
            ))
            .await?;
        Ok(all.0)
    }

    /// `PUT /v2/policies/by-app-id/{application_id}`: the application ends up in exactly
    /// `body.policy_ids` (removed from the others).
    pub async fn replace_application_policies(
        &self,
        application_id: &str,
        body: &AppPolicies,
    ) -> Result<(), ApiError> {
        self.call_empty(
            Endpoint::put(
                "replace_application_policies",
                Family::Policies,
                by_app_path(application_id)?,
            )
            .with_json(body)?,
        )
        .await
    }

    /// `POST /v2/policies/by-app-id/{application_id}`: adds the application to the policies.
    pub async fn add_application_to_policies(
        &self,
        application_id: &str,
        body: &AppPolicies,
    ) -> Result<(), ApiError> {
        self.call_empty(
            Endpoint::post(
                "add_application_to_policies",
                Family::Policies,
                by_app_path(application_id)?,
            )
            .with_json(body)?,
        )
        .await
    }

    /// `DELETE /v2/policies/by-app-id/{application_id}` with a body: removes the
    /// application from the policies.
    pub async fn remove_application_from_policies(
        &self,
        application_id: &str,
        body: &AppPolicies,
    ) -> Result<(), ApiError> {
        self.call_empty(
            Endpoint::delete(
                "remove_application_from_policies",
                Family::Policies,
                by_app_path(application_id)?,
            )
            .with_json(body)?,
        )
        .await
    }
}
