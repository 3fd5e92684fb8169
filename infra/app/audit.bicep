// The audit trail: a Log Analytics workspace of its own, without a daily cap, receiving
//  - every write and delete on the data account's blobs and tables (StorageWrite, StorageDelete): who changed a
//    snapshot, a latest.json or a feed table, when, from where, with which identity;
//  - Key Vault's audit events: every read of the Comtrade secret, every change to it, every denied attempt.
// Reads of the data account are not logged: the data is public and anonymous API traffic would drive their volume.
// Its inputs grow with writes (nightly feeds, the snapshot) and secret reads, not with anonymous requests, so no flood
// can fill it, and being separate from the telemetry workspace, no telemetry flood can stop it (a daily cap there
// stops ingestion for the whole workspace). Nothing of the app's identity may read or change it.
param name string
param location string
param tags object
param retentionInDays int
param storageAccountName string
param keyVaultName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    // No cap: an audit log that stops for the day is what an attacker would wait for.
    workspaceCapping: {
      dailyQuotaGb: -1
    }
    features: {
      disableLocalAuth: true
    }
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'
  }

  resource tableService 'tableServices' existing = {
    name: 'default'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

var storageChanges = [
  {
    category: 'StorageWrite'
    enabled: true
  }
  {
    category: 'StorageDelete'
    enabled: true
  }
]

resource blobAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: storage::blobService
  properties: {
    workspaceId: workspace.id
    logs: storageChanges
  }
}

resource tableAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: storage::tableService
  properties: {
    workspaceId: workspace.id
    logs: storageChanges
  }
}

resource vaultAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: vault
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output workspaceName string = workspace.name
