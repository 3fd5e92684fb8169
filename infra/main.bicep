// Feeds on Azure: one resource group with the Functions app (Flex Consumption), its storage, monitoring, alerts and
// Key Vault. Identity only: no storage keys, no instrumentation keys, no secrets in app settings or outputs.
// `azd up` fills the parameters from main.parameters.json; `az deployment sub create` takes them on the command line.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd environment name); with the subscription and location it seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource. It must offer Flex Consumption (FC1).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (azd sets AZURE_PRINCIPAL_ID). Gets table and blob data access and Key Vault Secrets Officer for local runs against the cloud and for setting the Comtrade key. Empty: none.')
param principalId string = ''

@description('Kind of principal in principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

// Lists are single strings separated by ";" (as the app's list settings are), so azd can pass them from one variable.
@description('Object ids of data partners (users, groups or service principals), separated by ";". Each may read the snapshots container, and nothing else.')
param partnerPrincipalIds string = ''

@description('Origin of the dashboard allowed by CORS (for example https://dashboard.example.org). Empty: no browser origin is allowed.')
param dashboardOrigin string = ''

@description('Deploy the reference dashboard to Azure Static Web Apps (Free) and allow its origin in CORS.')
param deployDashboard bool = true

@description('Region of the Static Web App resource; Static Web Apps are offered in a few regions only.')
@allowed([
  'centralus'
  'eastus2'
  'eastasia'
  'westeurope'
  'westus2'
])
param dashboardLocation string = 'westeurope'

@description('E-mail addresses that receive the alerts (feed run failed, feed stale, HTTP 5xx rate), separated by ";".')
param alertEmails string = ''

@secure()
@description('UN Comtrade subscription key. When given, it is stored in Key Vault; when empty, the secret is left as it is (set it with az keyvault secret set).')
param comtradeSubscriptionKey string = ''

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_LRS'

// The exporter keeps the newest runs itself (Feeds:Snapshots:Keep, 30 nightly runs); this is only a backstop.
@minValue(90)
@description('Age in days after which a snapshot run folder is deleted by the lifecycle rule. latest.json is never matched.')
param snapshotRetentionDays int = 180

@minValue(40)
@maxValue(1000)
@description('Most instances Flex Consumption may scale the app out to (a cost ceiling).')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(30)
@maxValue(730)
@description('Log Analytics retention in days (30 are included in the ingestion price).')
param logRetentionDays int = 30

@description('Daily Log Analytics ingestion cap in GB (-1: none). Ingestion stops for the day when reached.')
param logDailyCapGb int = 1

@minValue(1)
@maxValue(100)
@description('Alert when more than this percentage of HTTP requests in 15 minutes answered 5xx.')
param http5xxPercentThreshold int = 5

@description('Key Vault purge protection. On for production; a purged-protected vault keeps its name for 90 days after deletion.')
param keyVaultPurgeProtection bool = true

var abbrs = loadJsonContent('abbreviations.json')
var partners = filter(map(split(partnerPrincipalIds, ';'), id => trim(id)), id => !empty(id))
var emails = filter(map(split(alertEmails, ';'), email => trim(email)), email => !empty(email))
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var functionAppName = '${abbrs.webSitesFunctions}feeds-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'

// Must equal Feeds:Snapshots:Container (default "snapshots") when the snapshot exporter's setting lands.
var snapshotsContainerName = 'snapshots'
var deploymentContainerName = 'app-package'
var comtradeKeySecretName = 'comtrade-subscription-key'
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}feeds-${resourceToken}'

// Every table the feeds use, created up front so the first request does not race the first feed run.
var feedTables = [
  'Minerals'
  'Countries'
  'FeedRuns'
  'FeedCheckpoints'
  'Quarantine'
  'TradeFlows'
  'Reserves'
  'Salient'
  'Indicators'
]

// The queue runs are fanned out over (Feeds:Runs:QueueName, from the app settings so the two cannot differ) and the
// poison queue the Functions host moves a message to after maxDequeueCount failed attempts (host.json).
var runQueueName = loadJsonContent('app-settings.json').Feeds__Runs__QueueName
var runQueues = [
  runQueueName
  '${runQueueName}-poison'
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    sku: storageSku
    snapshotsContainerName: snapshotsContainerName
    deploymentContainerName: deploymentContainerName
    tableNames: feedTables
    queueNames: runQueues
    snapshotRetentionDays: snapshotRetentionDays
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionDays
    dailyCapGb: logDailyCapGb
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    comtradeKeySecretName: comtradeKeySecretName
    comtradeSubscriptionKey: comtradeSubscriptionKey
  }
}

// Names are passed as computed here rather than read from module outputs, so the role assignments' scopes are known
// before deployment (the template tests evaluate them offline); dependsOn keeps the order.
module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    snapshotsContainerName: snapshotsContainerName
    applicationInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
    partnerPrincipalIds: partners
  }
  dependsOn: [
    storage
    monitoring
    keyVault
  ]
}

module dashboard 'app/dashboard.bicep' = if (deployDashboard) {
  name: 'dashboard'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}feeds-${resourceToken}'
    location: dashboardLocation
    tags: tags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    identityName: identityName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVaultName
    comtradeKeySecretName: comtradeKeySecretName
    dashboardOrigins: filter([dashboardOrigin, dashboard.?outputs.origin ?? ''], origin => !empty(origin))
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The host starts as soon as the site exists: let its roles land first so the first start does not fail on 403.
  dependsOn: [
    identity
    storage
    keyVault
    rbac
  ]
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    namePrefix: '${abbrs.insightsScheduledQueryRules}feeds-${resourceToken}'
    actionGroupName: '${abbrs.insightsActionGroups}feeds-${resourceToken}'
    location: location
    tags: tags
    applicationInsightsName: applicationInsightsName
    alertEmails: emails
    feeds: loadJsonContent('feed-alerts.json')
    http5xxPercentThreshold: http5xxPercentThreshold
  }
  dependsOn: [
    monitoring
  ]
}

// What azd and an operator need. No keys or secrets: everything is reached with an Entra identity.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output API_BASE_URL string = api.outputs.apiBaseUrl
output DASHBOARD_URL string = dashboard.?outputs.origin ?? ''

output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output SNAPSHOTS_CONTAINER_URL string = storage.outputs.snapshotsContainerUrl
output KEY_VAULT_NAME string = keyVault.outputs.name
output COMTRADE_KEY_SECRET_NAME string = comtradeKeySecretName
output APPLICATIONINSIGHTS_NAME string = applicationInsightsName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
