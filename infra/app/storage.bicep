// The data account: the feed tables, the run queue and the partner snapshots, nothing of the Functions host
// (host-storage.bicep).
// Entra ID only: shared keys (and so account SAS and connection strings) are off; nothing is public.
// An audit trail for the snapshots: blob versioning (a replaced or deleted blob stays as a version the app cannot
// delete: it is Blob Data Contributor, and deleting versions takes Owner), the change feed (every create, replace and
// delete, in order), soft delete; the writes and deletes themselves are logged by audit.bicep.
param name string
param location string
param tags object
param sku string
param snapshotsContainerName string
param tableNames string[]
param queueNames string[]
param snapshotRetentionDays int

@description('Days the change feed keeps its record of blob changes.')
param changeFeedRetentionDays int

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    // Reached over the internet with Entra tokens (the app has no virtual network; partners read from outside).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // A deleted blob or container can be restored for a week (see docs/deployment.md, rolling back).
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    // Every replaced or deleted blob (latest.json each night, pruned run folders) stays as a previous version until
    // the lifecycle rule below removes it after snapshotRetentionDays.
    isVersioningEnabled: true
    changeFeed: {
      enabled: true
      retentionInDays: changeFeedRetentionDays
    }
  }
}

resource snapshotsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: snapshotsContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

// A backstop only: the exporter prunes run folders by count and never the one latest.json names. Run folders start
// with the date ({yyyy-MM-dd}/{runId}/), so the prefix "<container>/2" matches them and never <container>/latest.json.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'snapshot-run-folders-backstop'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${snapshotsContainer.name}/2'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: snapshotRetentionDays
                }
              }
            }
          }
        }
        // Previous versions (the audit trail of replaced and deleted snapshot blobs) are kept as long as run folders.
        {
          name: 'snapshot-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${snapshotsContainer.name}/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: snapshotRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for queue in queueNames: {
    parent: queueService
    name: queue
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
output snapshotsContainerUrl string = '${account.properties.primaryEndpoints.blob}${snapshotsContainer.name}'
