// Key Vault in RBAC mode for the app's secrets (the UN Comtrade subscription key). The app reads it through a Key Vault
// reference with its user-assigned identity (Key Vault Secrets User); no access policies.
param name string
param location string
param tags object
param purgeProtection bool
param comtradeKeySecretName string

@secure()
param comtradeSubscriptionKey string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be turned off once on, so "off" is expressed by leaving the property out.
    enablePurgeProtection: purgeProtection ? true : null
    // Reached with Entra tokens over the internet: the Flex app has no virtual network in this deployment.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Written only when a key is given, so a redeploy without the key keeps the one an operator set by hand.
resource comtradeKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(comtradeSubscriptionKey)) {
  parent: vault
  name: comtradeKeySecretName
  properties: {
    value: comtradeSubscriptionKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
