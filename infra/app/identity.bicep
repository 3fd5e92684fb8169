// The app's user-assigned identity: one principal for host storage, feed storage, Key Vault references and telemetry,
// known before the app exists so its roles can be granted first.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
