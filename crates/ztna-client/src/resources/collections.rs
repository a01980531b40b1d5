//! Collections and their site links: `/v2/collection`. Writes also drop the sites' cached
//! `countCollections`.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::path::segment;
use crate::query::CollectionQuery;
use crate::TenantClient;
use ztna_wire::{
    Collection, CollectionSiteLink, CollectionSiteLinks, NewCollection, Page, SiteCollections,
};

const COLLECTION: &str = "/collection";
const SITE_LINKS: &str = "/collection/site-links";

const COLLECTION_WRITE_ALSO: &[Family] = &[Family::Sites];

fn collection_path(id: &str) -> Result<String, ApiError> {
    Ok(format!("{COLLECTION}/{}", segment("collection id", id)?))
}

impl TenantClient {
    /// `POST /v2/collection/site-links`: links sites to collections.
    pub async fn link_sites_to_collections(
        &self,
        links: &[CollectionSiteLink],
    ) -> Result<Vec<CollectionSiteLink>, ApiError> {
        let body = CollectionSiteLinks {
            links: links.to_vec(),
        };
        let answer: CollectionSiteLinks = self
            .call(
                Endpoint::post(
                    "link_sites_to_collections",
                    Family::Collections,
                    SITE_LINKS.into(),
                )
                .also_invalidates(COLLECTION_WRITE_ALSO)
                .with_json(&body)?,
            )
            .await?;
        Ok(answer.links)
    }

    /// `GET /v2/collection/site-links/{collection_id}`.
    pub async fn collection_site_links(
        &self,
        collection_id: &str,
    ) -> Result<Vec<CollectionSiteLink>, ApiError> {
        let path = format!("{SITE_LINKS}/{}", segment("collection id", collection_id)?);
        let answer: CollectionSiteLinks = self
            .call(Endpoint::get(
                "collection_site_links",
                Family::Collections,
                path,
            ))
            .await?;
        Ok(answer.links)
    }

    /// `DELETE /v2/collection/site-links/{collection_id}/{site_id}`.
    pub async fn unlink_site_from_collection(
        &self,
        collection_id: &str,
        site_id: &str,
    ) -> Result<(), ApiError> {
        let path = format!(
            "{SITE_LINKS}/{}/{}",
            segment("collection id", collection_id)?,
            segment("site id", site_id)?
        );
        self.call_empty(
            Endpoint::delete("unlink_site_from_collection", Family::Collections, path)
                .also_invalidates(COLLECTION_WRITE_ALSO),
        )
        .await
    }

    /// `GET /v2/collection?page&size&sort&name&application-id&site-id&policy-id`.
    pub async fn list_collections(
        &self,
        q: &CollectionQuery,
    ) -> Result<Page<Collection>, ApiError> {
        self.call(
            Endpoint::get("list_collections", Family::Collections, COLLECTION.into())
                .with_query(q.pairs()),
        )
        .await
    }

    /// Every page of [`TenantClient::list_collections`] from `q.list.page` on.
    pub async fn all_collections(&self, q: &CollectionQuery) -> Result<Vec<Collection>, ApiError> {
        pager::walk(
            &q.list,
            |c: &Collection| c.id.as_str(),
            |list| {
                let this = self.clone();
                let q = CollectionQuery { list, ..q.clone() };
                async move { this.list_collections(&q).await }
            },
        )
        .await
    }

    /// `POST /v2/collection`.
    pub async fn create_collection(&self, c: &NewCollection) -> Result<Collection, ApiError> {
        self.call(
            Endpoint::post("create_collection", Family::Collections, COLLECTION.into())
                .also_invalidates(COLLECTION_WRITE_ALSO)
                .with_json(c)?,
        )
        .await
    }

    /// `GET /v2/collection/{id}`.
    pub async fn get_collection(&self, id: &str) -> Result<Collection, ApiError> {
        self.call(Endpoint::get(
            "get_collection",
            Family::Collections,
            collection_path(id)?,
        ))
        .await
    }

    /// `PUT /v2/collection/{id}` with `{"name": ...}` (`c.id` is not sent).
    pub async fn update_collection(
        &self,
        id: &str,
        c: &NewCollection,
    ) -> Result<Collection, ApiError> {
        let body = NewCollection {
            id: None,
            name: c.name.clone(),
        };
        self.call(
            Endpoint::put(
                "update_collection",
                Family::Collections,
                collection_path(id)?,
            )
            .also_invalidates(COLLECTION_WRITE_ALSO)
            .with_json(&body)?,
        )
        .await
    }

    /// Reads the collection (bypassing the cache), lets `edit` change it and writes it back
    /// (only the name is writable).
    pub async fn update_collection_with<F>(&self, id: &str, edit: F) -> Result<Collection, ApiError>
    where
        F: FnOnce(&mut Collection) + Send,
    {
        let mut c: Collection = self
            .call(
                Endpoint::get("get_collection", Family::Collections, collection_path(id)?)
                    .uncached(),
            )
            .await?;
        edit(&mut c);
        self.update_collection(id, &NewCollection::from(&c)).await
    }

    /// `DELETE /v2/collection/{id}`.
    pub async fn delete_collection(&self, id: &str) -> Result<(), ApiError> {
        self.call_empty(
            Endpoint::delete(
                "delete_collection",
                Family::Collections,
                collection_path(id)?,
            )
            .also_invalidates(COLLECTION_WRITE_ALSO),
        )
        .await
    }

    /// `GET /v2/collection/site/{site_id}`: the IDs of the collections a site is linked to.
    pub async fn collections_of_site(&self, site_id: &str) -> Result<Vec<String>, ApiError> {
        let path = format!("{COLLECTION}/site/{}", segment("site id", site_id)?);
        let answer: SiteCollections = self
            .call(Endpoint::get(
                "collections_of_site",
                Family::Collections,
                path,
            ))
            .await?;
        Ok(answer.collection_ids)
    }
}
