// The Function App as Front Door's only origin, and the route for /api/* (https only) with the cache key of
// edge.bicep's comment: the documented query parameters (infra/edge-cache-key.json) and nothing else. Front Door honours
// the app's Cache-Control, so only what the app marks public is cached.
param profileName string
param endpointName string
param originGroupName string
param ruleSetName string

@description('The Function App\'s default host name (<app>.azurewebsites.net).')
param originHostName string

var cacheKeyParameters = loadJsonContent('../edge-cache-key.json')

resource profile 'Microsoft.Cdn/profiles@2024-09-01' existing = {
  name: profileName

  resource endpoint 'afdEndpoints' existing = {
    name: endpointName
  }

  resource originGroup 'originGroups' existing = {
    name: originGroupName
  }

  resource ruleSet 'ruleSets' existing = {
    name: ruleSetName
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-09-01' = {
  parent: profile::originGroup
  name: 'function-app'
  properties: {
    hostName: originHostName
    originHostHeader: originHostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-09-01' = {
  parent: profile::endpoint
  name: 'api'
  properties: {
    originGroup: {
      id: profile::originGroup.id
    }
    ruleSets: [
      {
        id: profile::ruleSet.id
      }
    ]
    supportedProtocols: [
      'Https'
    ]
    patternsToMatch: [
      '/api/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Disabled'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
    cacheConfiguration: {
      queryStringCachingBehavior: 'IncludeSpecifiedQueryStrings'
      queryParameters: join(cacheKeyParameters, ',')
      compressionSettings: {
        isCompressionEnabled: true
        contentTypesToCompress: [
          'application/json'
          'application/problem+json'
          'text/csv'
        ]
      }
    }
  }
  // A route needs an origin in its group.
  dependsOn: [
    origin
  ]
}

output routeName string = route.name
