// The Functions app on Flex Consumption (FC1, dotnet-isolated 10.0) with its user-assigned identity. Every connection
// is identity-based; the only secret (the Comtrade key) is a Key Vault reference resolved with the same identity.
param name string
param planName string
param location string
param tags object
@description('The Functions host\'s account (keys, leases, the deployment package): host-storage.bicep.')
param hostStorageAccountName string

@description('The data account (feed tables, snapshots): storage.bicep.')
param dataStorageAccountName string
param deploymentContainerName string
param identityName string
param applicationInsightsConnectionString string
param keyVaultName string
param comtradeKeySecretName string
@description('Browser origins allowed by CORS: the dashboard\'s (Static Web App and/or an operator-given origin).')
param dashboardOrigins string[]
param maximumInstanceCount int
param instanceMemoryMB int

@description('Whether Front Door is the public entry: the app then accepts only that profile\'s traffic.')
param frontDoor bool

@description('The Front Door profile\'s id (X-Azure-FDID), known once the profile exists; empty without the edge.')
param frontDoorId string

// The app's own settings (Feeds__*) with their defaults: the one place to add a setting the code reads. The
// settings parity test fails when this file and Feeds.Core.Configuration.FeedsSettings.All disagree.
var feedsSettings = loadJsonContent('../app-settings.json')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

var storageSuffix = environment().suffixes.storage
var hostBlobServiceUri = 'https://${hostStorageAccountName}.blob.${storageSuffix}'

// Functions host storage (keys, timer leases and schedule monitors; diagnostic events in tables), an account of its
// own. The run queue is FeedsStorage's, not the host's.
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  AzureWebJobsStorage__blobServiceUri: hostBlobServiceUri
  AzureWebJobsStorage__tableServiceUri: 'https://${hostStorageAccountName}.table.${storageSuffix}'
}

// The feeds' storage, FeedsStorage in its identity-based form (Feeds.Core StorageClientFactory): the data account; and
// the connection of the queue trigger that runs slices (Connection = "FeedsStorage").
var feedsStorageSettings = {
  FeedsStorage__tableServiceUri: 'https://${dataStorageAccountName}.table.${storageSuffix}'
  FeedsStorage__blobServiceUri: 'https://${dataStorageAccountName}.blob.${storageSuffix}'
  FeedsStorage__queueServiceUri: 'https://${dataStorageAccountName}.queue.${storageSuffix}'
  FeedsStorage__credential: 'managedidentity'
  FeedsStorage__clientId: identity.properties.clientId
}

// Behind Front Door, the in-app limiter counts clients by the edge's X-Azure-ClientIP on this profile's requests.
var edgeSettings = frontDoor
  ? {
      Feeds__RateLimit__FrontDoorId: frontDoorId
    }
  : {}

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
      // With the edge on, only Front Door's back end carrying this profile's id gets in (anyone can send through Front
      // Door, but not with another profile's X-Azure-FDID, which Front Door sets itself). The SCM site, which
      // deployments use with Entra ID (publishing passwords are off), is not restricted.
      ipSecurityRestrictionsDefaultAction: frontDoor ? 'Deny' : 'Allow'
      ipSecurityRestrictions: frontDoor
        ? [
            {
              name: 'front-door-only'
              action: 'Allow'
              priority: 100
              tag: 'ServiceTag'
              ipAddress: 'AzureFrontDoor.Backend'
              headers: {
                'x-azure-fdid': [
                  frontDoorId
                ]
              }
            }
          ]
        : []
      scmIpSecurityRestrictionsUseMain: false
      scmIpSecurityRestrictionsDefaultAction: 'Allow'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostBlobServiceUri}/${deploymentContainerName}'
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
  properties: union(hostStorageSettings, feedsStorageSettings, monitoringSettings, feedsSettings, edgeSettings, secretSettings)
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
output hostName string = site.properties.defaultHostName
output apiBaseUrl string = 'https://${site.properties.defaultHostName}/api'
