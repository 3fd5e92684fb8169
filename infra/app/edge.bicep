// The public entry: Azure Front Door with a WAF policy in front of the Function App (which then accepts traffic from
// this profile only: api.bicep). What it does for the anonymous API:
//  - per-client rate limits in the WAF, counted by the TCP peer address (SocketAddr, which a client cannot forge):
//    every /api/ request, and a far lower limit on the keyed routes (guessing a function key);
//  - a shared cache for what the app marks public (data routes 5 minutes, reference routes 1 hour), keyed on the
//    path and the documented query parameters only (infra/edge-cache-key.json, kept equal to the OpenAPI document by a
//    test): `_=random` or any other unknown parameter does not make a new cache entry, so it cannot force a storage
//    read; the app answers no-store for everything else (keyed routes, health, errors);
//  - no caching at all for the keyed routes, for a request that carries a key (x-functions-key, code=) or asks for CSV
//    by Accept (Front Door ignores Vary, and its cache key holds no header), and the dashboard's CORS header set at the
//    edge, so a cached answer serves every origin right.
// The origin and the route are in edge-route.bicep: they need the Function App's host name, and the Function App
// needs this profile's id first.
param profileName string
param endpointName string
param wafPolicyName string
param tags object

@allowed([
  'Standard_AzureFrontDoor'
  'Premium_AzureFrontDoor'
])
param sku string

@description('Requests one client (TCP peer address) may make to /api/ per minute before the WAF answers 429.')
param requestsPerMinute int

@description('Requests one client may make per minute to the keyed routes (partner links, quarantine, runs).')
param keyedRequestsPerMinute int

@description('Browser origins of the dashboard; the edge sets Access-Control-Allow-Origin for them on cached answers too. Empty: none.')
param dashboardOrigin string

@description('Whether the dashboard\'s Static Web App is deployed, and its origin (known only during deployment).')
param staticSite bool
param staticSiteOrigin string

resource profile 'Microsoft.Cdn/profiles@2024-09-01' = {
  name: profileName
  location: 'global'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    originResponseTimeoutSeconds: 60
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-09-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

// One origin: health probes would only add requests (Front Door has nowhere else to send traffic).
resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-09-01' = {
  parent: profile
  name: 'function-app'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    sessionAffinityState: 'Disabled'
  }
}

// What the WAF answers when a rule blocks: a problem document like the app's own 429 (the OpenAPI document declares
// it; EdgeTemplateTests validates it against the declared schema).
var blockedBody = '{"type":"tag:feeds,2026:problem:rate-limited","title":"Too many requests","status":429,"detail":"Too many requests from this address; wait a minute and try again.","instance":"/api"}'

resource waf 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: wafPolicyName
  location: 'Global'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: 'Enabled'
      customBlockResponseStatusCode: 429
      customBlockResponseBody: base64(blockedBody)
    }
    customRules: {
      rules: [
        {
          // Keys are guessed one request at a time: these routes get a budget a partner's script never needs.
          name: 'KeyedRoutesPerClient'
          priority: 10
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: keyedRequestsPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'RegEx'
              negateCondition: false
              matchValue: [
                '/api/(snapshots/latest/links|feeds/[^/?]+/(quarantine|runs))'
              ]
              transforms: [
                'Lowercase'
              ]
            }
          ]
          action: 'Block'
        }
        {
          name: 'ApiPerClient'
          priority: 20
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: requestsPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              negateCondition: false
              matchValue: [
                '/api/'
              ]
              transforms: [
                'Lowercase'
              ]
            }
          ]
          action: 'Block'
        }
      ]
    }
    // The managed rule sets need Premium; Standard keeps the custom rules above.
    managedRules: {
      managedRuleSets: sku == 'Premium_AzureFrontDoor'
        ? [
            {
              ruleSetType: 'Microsoft_DefaultRuleSet'
              ruleSetVersion: '2.1'
              ruleSetAction: 'Block'
            }
            {
              ruleSetType: 'Microsoft_BotManagerRuleSet'
              ruleSetVersion: '1.1'
            }
          ]
        : []
    }
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-09-01' = {
  parent: profile
  name: 'waf'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: waf.id
      }
      associations: [
        {
          domains: [
            {
              id: endpoint.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

resource ruleSet 'Microsoft.Cdn/profiles/ruleSets@2024-09-01' = {
  parent: profile
  name: 'api'
}

// "Route configuration override" without a cache configuration: this request is not cached.
var noCache = [
  {
    name: 'RouteConfigurationOverride'
    parameters: {
      typeName: 'DeliveryRuleRouteConfigurationOverrideActionParameters'
    }
  }
]

// The keyed routes never go through the cache, whoever asks: Front Door may share one in-flight origin answer among
// concurrent requests for the same URL even when it is not cacheable, and a request without a key must never receive
// the links a partner's request is fetching.
resource keyedRoutesNoCache 'Microsoft.Cdn/profiles/ruleSets/rules@2024-09-01' = {
  parent: ruleSet
  name: 'KeyedRoutesNoCache'
  properties: {
    order: 1
    matchProcessingBehavior: 'Continue'
    conditions: [
      {
        name: 'UrlPath'
        parameters: {
          typeName: 'DeliveryRuleUrlPathMatchConditionParameters'
          operator: 'Contains'
          negateCondition: false
          matchValues: [
            'snapshots/latest/links'
            '/quarantine'
            '/runs'
          ]
          transforms: [
            'Lowercase'
          ]
        }
      }
    ]
    actions: noCache
  }
}

resource keyHeaderNoCache 'Microsoft.Cdn/profiles/ruleSets/rules@2024-09-01' = {
  parent: ruleSet
  name: 'KeyHeaderNoCache'
  properties: {
    order: 2
    matchProcessingBehavior: 'Continue'
    conditions: [
      {
        name: 'RequestHeader'
        parameters: {
          typeName: 'DeliveryRuleRequestHeaderConditionParameters'
          selector: 'x-functions-key'
          operator: 'Any'
          negateCondition: false
          matchValues: []
          transforms: []
        }
      }
    ]
    actions: noCache
  }
}

resource keyQueryNoCache 'Microsoft.Cdn/profiles/ruleSets/rules@2024-09-01' = {
  parent: ruleSet
  name: 'KeyQueryNoCache'
  properties: {
    order: 3
    matchProcessingBehavior: 'Continue'
    conditions: [
      {
        name: 'QueryString'
        parameters: {
          typeName: 'DeliveryRuleQueryStringConditionParameters'
          operator: 'Contains'
          negateCondition: false
          matchValues: [
            'code='
          ]
          transforms: [
            'Lowercase'
          ]
        }
      }
    ]
    actions: noCache
  }
}

resource csvByAcceptNoCache 'Microsoft.Cdn/profiles/ruleSets/rules@2024-09-01' = {
  parent: ruleSet
  name: 'CsvByAcceptNoCache'
  properties: {
    order: 4
    matchProcessingBehavior: 'Continue'
    conditions: [
      {
        name: 'RequestHeader'
        parameters: {
          typeName: 'DeliveryRuleRequestHeaderConditionParameters'
          selector: 'Accept'
          operator: 'Contains'
          negateCondition: false
          matchValues: [
            'text/csv'
          ]
          transforms: [
            'Lowercase'
          ]
        }
      }
    ]
    actions: noCache
  }
}

// A cached answer may have been filled by a request without Origin (no CORS header in it): the edge sets the header
// for the dashboard's origins on every answer, cached or not. One rule per origin (the value must be the one matched).
func corsRule(origin string, order int) object => {
  order: order
  matchProcessingBehavior: 'Continue'
  conditions: [
    {
      name: 'RequestHeader'
      parameters: {
        typeName: 'DeliveryRuleRequestHeaderConditionParameters'
        selector: 'Origin'
        operator: 'Equal'
        negateCondition: false
        matchValues: [
          origin
        ]
        transforms: []
      }
    }
  ]
  actions: [
    {
      name: 'ModifyResponseHeader'
      parameters: {
        typeName: 'DeliveryRuleHeaderActionParameters'
        headerAction: 'Overwrite'
        headerName: 'Access-Control-Allow-Origin'
        value: origin
      }
    }
  ]
}

resource corsDashboardOrigin 'Microsoft.Cdn/profiles/ruleSets/rules@2024-09-01' = if (!empty(dashboardOrigin)) {
  parent: ruleSet
  name: 'DashboardOrigin'
  properties: corsRule(dashboardOrigin, 10)
}

resource corsStaticSiteOrigin 'Microsoft.Cdn/profiles/ruleSets/rules@2024-09-01' = if (staticSite) {
  parent: ruleSet
  name: 'StaticSiteOrigin'
  properties: corsRule(staticSiteOrigin, 11)
}

output profileName string = profile.name
output frontDoorId string = profile.properties.frontDoorId
output endpointName string = endpoint.name
output hostName string = endpoint.properties.hostName
output originGroupName string = originGroup.name
output ruleSetName string = ruleSet.name
