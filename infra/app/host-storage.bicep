// The Functions host's own storage account: host keys (azure-webjobs-secrets), timer leases and schedule state, the
// host's diagnostic tables, and the Flex Consumption deployment package. Kept apart from the data account
// (storage.bicep) so that the identity's Blob Data Owner, the deploying user and partners never meet: the app is
// Owner here only; the user and partners have nothing here; a links bug cannot sign a URL for a host key.
// Entra ID only: shared keys (and so account SAS and connection strings) are off; nothing is public.
param name string
param location string
param tags object
param sku string
param deploymentContainerName string

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
    // Reached over the internet with Entra tokens: the Flex app has no virtual network in this deployment.
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
    // A deleted package or host key blob can be restored for a week. No versioning: the host rewrites its state blobs
    // all day, and every change would be kept.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output name string = account.name
