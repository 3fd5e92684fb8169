// The reference dashboard (dashboard/, a static Vite build) on Azure Static Web Apps, Free tier. azd deploys the build
// to the site tagged azd-service-name=dashboard; the page calls the Function App, whose CORS allows this site's origin.
@description('Name of the Static Web App.')
param name string

@description('Region of the Static Web App resource (Static Web Apps exist in a few regions; the content is served from a global edge).')
param location string

param tags object

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'dashboard' })
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

output name string = site.name
output origin string = 'https://${site.properties.defaultHostname}'
