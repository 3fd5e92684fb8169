// Every role assignment of the deployment, each on the narrowest scope that works. The template tests pin each one's
// principal, built-in role id and scope: widening one fails CI.
@description('The Functions host\'s account: host keys, leases, the deployment package.')
param hostStorageAccountName string

@description('The data account: feed tables and snapshots, nothing else.')
param storageAccountName string
param snapshotsContainerName string
param applicationInsightsName string
param keyVaultName string
@description('Principal (object) id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('Deploying user (optional, for local runs against the cloud). Empty: no assignment.')
param userPrincipalId string
param userPrincipalType string

@description('Data partners: Storage Blob Data Reader on the snapshots container only.')
param partnerPrincipalIds string[]

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageBlobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: hostStorageAccountName
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource snapshots 'containers' existing = {
      name: snapshotsContainerName
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

// The app on the host's account: the Functions host keeps its keys, timer leases and schedule state in blobs and its
// diagnostic events in tables, and Flex Consumption reads the deployment package from a container. The host's
// documented role is Blob Data Owner; it is granted on this account only, which holds nothing else. No queue role
// here: the run queue is on the data account (FeedsStorage).
resource appHostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hostStorage
  name: guid(hostStorage.id, appPrincipalId, roles.storageBlobDataOwner)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

resource appHostTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hostStorage
  name: guid(hostStorage.id, appPrincipalId, roles.storageTableDataContributor)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

// The app on the data account. Snapshots: Blob Data Contributor on the snapshots container only (write, read, delete
// blobs; not delete versions, not change access, which take Owner: the versions are an audit trail the app cannot
// erase). Tables: Table Data Contributor on the account, which holds only the feed tables; the app creates a missing
// table on first use (CreateIfNotExists, and Feeds:Storage:TablePrefix renames them), which a table-scoped assignment
// cannot do.
resource appSnapshotsContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage::blobService::snapshots
  name: guid(storage::blobService::snapshots.id, appPrincipalId, roles.storageBlobDataContributor)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}

// The partner links are user-delegation SAS: the key is requested at account level (a container-scoped role cannot),
// and a SAS grants no more than its signer holds: read on the snapshots container.
resource appDelegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, appPrincipalId, roles.storageBlobDelegator)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDelegator)
  }
}

resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, appPrincipalId, roles.storageTableDataContributor)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

// The run queue (data account): the timers and the operator route send slices, the queue trigger receives and deletes
// them (and moves a poisoned one to feed-slices-poison). On the account, like the tables: the account holds only the
// feeds' queues, and the host creates the poison queue when it first needs it.
resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, appPrincipalId, roles.storageQueueDataContributor)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
  }
}

// Telemetry with local authentication off is published with the identity.
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: applicationInsights
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

// Key Vault references resolve with this identity (keyVaultReferenceIdentity); reading secrets is all it needs.
resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsUser)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

// Partners read snapshots and nothing else: not the tables, nothing of the host's account.
resource partnerReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for partnerId in partnerPrincipalIds: {
    scope: storage::blobService::snapshots
    name: guid(storage::blobService::snapshots.id, partnerId, roles.storageBlobDataReader)
    properties: {
      principalId: partnerId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    }
  }
]

// The deploying user, for `dotnet run --project functions/Feeds.Local` against the cloud data account and for setting
// the Comtrade key. Contributor, not Owner: a person needs no ACL management, and cannot delete snapshot versions.
// Nothing on the host's account: its blobs hold the function keys.
resource userBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: storage
  name: guid(storage.id, userPrincipalId, roles.storageBlobDataContributor)
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}

resource userTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: storage
  name: guid(storage.id, userPrincipalId, roles.storageTableDataContributor)
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

resource userSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: vault
  name: guid(vault.id, userPrincipalId, roles.keyVaultSecretsOfficer)
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
  }
}
