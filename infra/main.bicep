// Feeds on Azure: one resource group with the Functions app (Flex Consumption) behind Front Door and its WAF, the
// host's and the data's storage accounts, monitoring, an audit workspace, alerts, a budget and Key Vault. Identity
// only: no storage keys, no instrumentation keys, no secrets in app settings or outputs.
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

@description('Put Azure Front Door with a WAF in front of the API (rate limits per client, a shared cache); the Function App then accepts traffic from it only. Off: the Function App is the public entry (a small deployment; the in-app limiter remains).')
param deployFrontDoor bool = true

@allowed([
  'Standard_AzureFrontDoor'
  'Premium_AzureFrontDoor'
])
@description('Front Door tier. Premium adds the managed WAF rule sets (OWASP, bots) at a much higher base price.')
param frontDoorSku string = 'Standard_AzureFrontDoor'

@minValue(10)
@maxValue(100000)
@description('Requests one client address may make to /api/ per minute at the edge before it answers 429.')
param edgeRequestsPerMinute int = 600

@minValue(90)
@maxValue(730)
@description('Days the audit workspace keeps storage writes and deletes and Key Vault audit events, and the change feed keeps blob changes.')
param auditRetentionDays int = 365

@minValue(0)
@description('Monthly cost budget of the resource group in the billing currency (alerts at 80% and 100% spent, 100% forecast); 0: none.')
param monthlyBudget int = 100

@description('First day of the budget\'s first month, yyyy-MM-01, not before the current month. Azure refuses to change it afterwards, so it is set once (azd: FEEDS_BUDGET_START_DATE). Empty: no budget.')
param budgetStartDate string = ''

var abbrs = loadJsonContent('abbreviations.json')
var partners = filter(map(split(partnerPrincipalIds, ';'), id => trim(id)), id => !empty(id))
var emails = filter(map(split(alertEmails, ';'), email => trim(email)), email => !empty(email))
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var functionAppName = '${abbrs.webSitesFunctions}feeds-${resourceToken}'
// The data account keeps its name from before the split; the host's account is new.
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var hostStorageAccountName = '${abbrs.storageStorageAccounts}host${resourceToken}'
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

module hostStorage 'app/host-storage.bicep' = {
  name: 'host-storage'
  scope: rg
  params: {
    name: hostStorageAccountName
    location: location
    tags: tags
    sku: storageSku
    deploymentContainerName: deploymentContainerName
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
    tableNames: feedTables
    queueNames: runQueues
    snapshotRetentionDays: snapshotRetentionDays
    changeFeedRetentionDays: auditRetentionDays
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

// Who wrote or deleted what in the data account, and every Key Vault access, kept apart from the capped telemetry.
module audit 'app/audit.bicep' = {
  name: 'audit'
  scope: rg
  params: {
    name: '${abbrs.operationalInsightsWorkspaces}audit-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: auditRetentionDays
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
  }
  dependsOn: [
    storage
    keyVault
  ]
}

// Names are passed as computed here rather than read from module outputs, so the role assignments' scopes are known
// before deployment (the template tests evaluate them offline); dependsOn keeps the order.
module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    hostStorageAccountName: hostStorageAccountName
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
    hostStorage
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

module edge 'app/edge.bicep' = if (deployFrontDoor) {
  name: 'edge'
  scope: rg
  params: {
    profileName: '${abbrs.cdnProfiles}feeds-${resourceToken}'
    endpointName: '${abbrs.cdnProfilesAfdEndpoints}feeds-${resourceToken}'
    wafPolicyName: '${abbrs.networkFrontDoorWebApplicationFirewallPolicies}feeds${resourceToken}'
    tags: tags
    sku: frontDoorSku
    requestsPerMinute: edgeRequestsPerMinute
    keyedRequestsPerMinute: 30
    dashboardOrigin: dashboardOrigin
    staticSite: deployDashboard
    staticSiteOrigin: dashboard.?outputs.origin ?? ''
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
    hostStorageAccountName: hostStorageAccountName
    dataStorageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    identityName: identityName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVaultName
    comtradeKeySecretName: comtradeKeySecretName
    dashboardOrigins: filter([dashboardOrigin, dashboard.?outputs.origin ?? ''], origin => !empty(origin))
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    frontDoor: deployFrontDoor
    frontDoorId: edge.?outputs.frontDoorId ?? ''
  }
  // The host starts as soon as the site exists: let its roles land first so the first start does not fail on 403.
  dependsOn: [
    identity
    hostStorage
    storage
    keyVault
    rbac
  ]
}

module edgeRoute 'app/edge-route.bicep' = if (deployFrontDoor) {
  name: 'edge-route'
  scope: rg
  params: {
    profileName: edge.?outputs.profileName ?? ''
    endpointName: edge.?outputs.endpointName ?? ''
    originGroupName: edge.?outputs.originGroupName ?? ''
    ruleSetName: edge.?outputs.ruleSetName ?? ''
    originHostName: api.outputs.hostName
  }
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
    workspaceName: monitoring.outputs.workspaceName
    dailyCapGb: logDailyCapGb
    frontDoorProfileName: edge.?outputs.profileName ?? ''
    monthlyBudget: monthlyBudget
    budgetName: '${abbrs.consumptionBudgets}feeds-${resourceToken}'
    budgetStartDate: budgetStartDate
  }
}

// What azd and an operator need. No keys or secrets: everything is reached with an Entra identity.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
// The public entry: Front Door's endpoint when the edge is on (the Function App then answers it only), else the app.
output API_BASE_URL string = deployFrontDoor ? 'https://${edge.?outputs.hostName ?? ''}/api' : api.outputs.apiBaseUrl
output FUNCTION_APP_URL string = api.outputs.apiBaseUrl
output DASHBOARD_URL string = dashboard.?outputs.origin ?? ''

output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output HOST_STORAGE_ACCOUNT_NAME string = hostStorage.outputs.name
output AUDIT_WORKSPACE_NAME string = audit.outputs.workspaceName
output STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output SNAPSHOTS_CONTAINER_URL string = storage.outputs.snapshotsContainerUrl
output KEY_VAULT_NAME string = keyVault.outputs.name
output COMTRADE_KEY_SECRET_NAME string = comtradeKeySecretName
output APPLICATIONINSIGHTS_NAME string = applicationInsightsName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
