// The Functions app on Flex Consumption (FC1, dotnet-isolated 10.0) with its user-assigned identity. Every connection
// is identity-based; the only secret (the Comtrade key) is a Key Vault reference resolved with the same identity.
param name string
param planName string
param location string
param tags object
param storageAccountName string
param deploymentContainerName string
param identityName string
param applicationInsightsConnectionString string
param keyVaultName string
param comtradeKeySecretName string
@description('Browser origins allowed by CORS: the dashboard\'s (Static Web App and/or an operator-given origin).')
param dashboardOrigins string[]
param maximumInstanceCount int
param instanceMemoryMB int

// The app's own settings (Feeds__*) with their defaults: the one place to add a setting the code reads. The
// settings parity test fails when this file and Feeds.Core.Configuration.FeedsSettings.All disagree.
var feedsSettings = loadJsonContent('../app-settings.json')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

var storageSuffix = environment().suffixes.storage
var blobServiceUri = 'https://${storageAccountName}.blob.${storageSuffix}'
var tableServiceUri = 'https://${storageAccountName}.table.${storageSuffix}'
var queueServiceUri = 'https://${storageAccountName}.queue.${storageSuffix}'

// Functions host storage (keys, timer leases and schedule monitors; diagnostic events in tables). The run queue is
// FeedsStorage's, not the host's.
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  AzureWebJobsStorage__blobServiceUri: blobServiceUri
  AzureWebJobsStorage__tableServiceUri: tableServiceUri
}

// The feeds' storage, FeedsStorage in its identity-based form (Feeds.Core StorageClientFactory), and the connection
// of the queue trigger that runs slices (Connection = "FeedsStorage").
var feedsStorageSettings = {
  FeedsStorage__tableServiceUri: tableServiceUri
  FeedsStorage__blobServiceUri: blobServiceUri
  FeedsStorage__queueServiceUri: queueServiceUri
  FeedsStorage__credential: 'managedidentity'
  FeedsStorage__clientId: identity.properties.clientId
}

var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

// Secrets are Key Vault references (versionless: a new secret version is picked up without a redeploy).
var secretSettings = {
  Feeds__Comtrade__SubscriptionKey: '@Microsoft.KeyVault(SecretUri=https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets/${comtradeKeySecretName})'
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: dashboardOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobServiceUri}/${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(hostStorageSettings, feedsStorageSettings, monitoringSettings, feedsSettings, secretSettings)
}

// Deployments go through Entra ID (azd, az functionapp deploy); publishing passwords stay off.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output apiBaseUrl string = 'https://${site.properties.defaultHostName}/api'
