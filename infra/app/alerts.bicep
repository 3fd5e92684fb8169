// The alerts an operator needs, sent to one action group: as log search alerts on Application Insights, a feed run
// failed, a feed is stale (no success within twice its schedule), the HTTP 5xx rate; and the ones that must work when
// telemetry does not: the workspace's daily cap is near or reached (ingestion stops, and the log alerts with it), and,
// with the edge on, Front Door's own metrics (5xx share, WAF blocks), which no cap or sampling touches; a cost budget.
param namePrefix string
param actionGroupName string
param location string
param tags object
param applicationInsightsName string
param alertEmails string[]
param feeds feedAlert[]
param http5xxPercentThreshold int

@description('The telemetry workspace, for the daily cap alerts.')
param workspaceName string

@description('Its daily cap in GB; -1: none (then no cap alerts).')
param dailyCapGb int

@description('The Front Door profile; empty when the edge is off (then no edge alerts).')
param frontDoorProfileName string

@description('Monthly cost budget of the resource group, in the billing currency; 0: none.')
param monthlyBudget int
param budgetName string

@description('First day of the budget\'s first month (yyyy-MM-01). Azure refuses to change it later; empty: no budget.')
param budgetStartDate string

@description('A feed watched for staleness. infra/feed-alerts.json lists one per feed; a test keeps it in step with the feeds in code.')
type feedAlert = {
  @description('Feed name, as the code logs it in the Feed property (catalog, comtrade, usgs).')
  feed: string

  @description('Alert when no run succeeded for this many hours: twice the schedule, the feed\'s MaxAge. Log search alerts look back at most two days.')
  staleAfterHours: 1 | 2 | 3 | 4 | 5 | 6 | 24 | 48
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'Global'
  tags: tags
  properties: {
    groupShortName: 'feeds'
    enabled: true
    emailReceivers: [
      for (email, i) in alertEmails: {
        name: 'email-${i}'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

// FeedRunService logs "Feed {Feed} run {RunId} failed" at Error (with the exception, so it may land in exceptions),
// and the timer function then fails its invocation (a failed request named "<Feed>Timer"). Either one alerts, per feed.
var feedFailedQuery = '''
let runFailures = union isfuzzy=true traces, exceptions
    | where severityLevel >= 3
    | extend Feed = tostring(customDimensions.Feed), RunId = tostring(customDimensions.RunId)
    | where isnotempty(Feed) and isnotempty(RunId)
    | project Feed;
let timerFailures = requests
    | where success == false and name endswith "Timer"
    | project Feed = tolower(substring(name, 0, strlen(name) - 5));
union runFailures, timerFailures
| summarize Failures = count() by Feed
'''

resource feedFailed 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-feed-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Feeds: a feed run failed'
    description: 'A feed run failed or its timer invocation failed. The run record (GET /api/health, FeedRuns table) has the error.'
    severity: 1
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: feedFailedQuery
          timeAggregation: 'Total'
          metricMeasureColumn: 'Failures'
          dimensions: [
            {
              name: 'Feed'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    // Every failure is news: fire again for the next one rather than waiting for a resolve.
    autoMitigate: false
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Every feed, whatever its allowed age: the hourly FreshnessTimer logs "Feed {Feed} freshness Stale: …" at Error
// level for a feed without a success within its MaxAge (twice its schedule). This covers the weekly usgs feed, whose
// 14 days no log search window reaches.
resource feedFreshness 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-feed-stale-freshness'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Feeds: a feed is stale (freshness check)'
    description: 'The hourly freshness check found a feed without a successful run within its allowed age. GET /api/health shows which.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT2H'
    criteria: {
      allOf: [
        {
          query: 'traces | where tostring(customDimensions.Freshness) == "Stale" | summarize Stale = count() by Feed = tostring(customDimensions.Feed)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'Stale'
          dimensions: [
            {
              name: 'Feed'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Also one rule per daily feed, which fires even if the app itself is down (no freshness log at all): its window is
// the feed's own staleness limit. FeedRunService logs the final status of every
// run ("Feed {Feed} run {RunId} {Status}: ..."), so a window without a Succeeded one means the data is stale.
resource feedStale 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for feed in feeds: {
    name: '${namePrefix}-feed-stale-${feed.feed}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'Feeds: ${feed.feed} is stale'
      description: 'No successful ${feed.feed} run in ${feed.staleAfterHours} hours (twice its schedule). Check the failed-run alert and GET /api/health.'
      severity: 2
      enabled: true
      scopes: [
        applicationInsights.id
      ]
      evaluationFrequency: 'PT1H'
      windowSize: feed.staleAfterHours <= 6 ? 'PT${feed.staleAfterHours}H' : 'P${feed.staleAfterHours / 24}D'
      criteria: {
        allOf: [
          {
            query: 'traces | where tostring(customDimensions.Feed) == "${feed.feed}" and tostring(customDimensions.Status) == "Succeeded" | summarize Successes = count()'
            timeAggregation: 'Total'
            metricMeasureColumn: 'Successes'
            operator: 'LessThan'
            threshold: 1
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

// HTTP invocations carry a URL; timer invocations do not. Below 10 requests in the window a percentage says little.
// Requests are sampled: itemCount is how many requests each stored item stands for.
var http5xxQuery = '''
requests
| where isnotempty(url)
| summarize Total = sum(itemCount), Failed = sumif(itemCount, toint(resultCode) >= 500)
| extend FailedPercent = iff(Total < 10, 0.0, 100.0 * Failed / Total)
'''

resource http5xx 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-http-5xx'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Feeds: HTTP 5xx rate'
    description: 'More than ${http5xxPercentThreshold}% of API requests answered 5xx in 15 minutes (503 means storage is unreachable).'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: http5xxQuery
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'FailedPercent'
          operator: 'GreaterThan'
          threshold: http5xxPercentThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

// The workspace writes an Operation record when the cap stops ingestion; that record is not itself capped. From then
// until midnight UTC no telemetry arrives and the log alerts above are blind (the per-feed stale rules fire instead,
// since they alert on missing success logs).
resource capReached 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = if (dailyCapGb > 0) {
  name: '${namePrefix}-daily-cap-reached'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Feeds: telemetry daily cap reached'
    description: 'Log Analytics stopped ingesting for the day: alerts on telemetry are blind until 00:00 UTC. Look for a flood (Front Door WAF logs and metrics) and raise logDailyCapGb if the volume is legitimate.'
    severity: 1
    enabled: true
    scopes: [
      workspace.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: '_LogOperation | where Category =~ "Ingestion" | where Detail has "OverQuota" | summarize Events = count()'
          timeAggregation: 'Total'
          metricMeasureColumn: 'Events'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Before the cap: 80 % of today's allowance is used (billable volume in the Usage table, in MB).
resource capNear 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = if (dailyCapGb > 0) {
  name: '${namePrefix}-daily-cap-near'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Feeds: telemetry near the daily cap'
    description: 'More than 80% of the ${dailyCapGb} GB daily ingestion cap is used today; at the cap, telemetry and its alerts stop until 00:00 UTC.'
    severity: 2
    enabled: true
    scopes: [
      workspace.id
    ]
    evaluationFrequency: 'PT30M'
    windowSize: 'P1D'
    criteria: {
      allOf: [
        {
          query: 'Usage | where TimeGenerated > startofday(now()) and IsBillable | summarize UsedPercent = 100.0 * sum(Quantity) / (1024.0 * ${dailyCapGb})'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'UsedPercent'
          operator: 'GreaterThan'
          threshold: 80
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource frontDoor 'Microsoft.Cdn/profiles@2024-09-01' existing = if (!empty(frontDoorProfileName)) {
  name: frontDoorProfileName
}

// Platform metrics of the edge: recorded whatever the app's telemetry does (no sampling, no cap).
resource edge5xx 'Microsoft.Insights/metricAlerts@2018-03-01' = if (!empty(frontDoorProfileName)) {
  name: '${namePrefix}-edge-5xx'
  location: 'global'
  tags: tags
  properties: {
    description: 'More than ${http5xxPercentThreshold}% of the requests Front Door answered were 5xx over 15 minutes (the app failing or unreachable).'
    severity: 2
    enabled: true
    scopes: [
      frontDoor.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'Percentage5XX'
          metricNamespace: 'Microsoft.Cdn/profiles'
          metricName: 'Percentage5XX'
          operator: 'GreaterThan'
          threshold: http5xxPercentThreshold
          timeAggregation: 'Average'
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

resource edgeBlocks 'Microsoft.Insights/metricAlerts@2018-03-01' = if (!empty(frontDoorProfileName)) {
  name: '${namePrefix}-edge-waf-blocks'
  location: 'global'
  tags: tags
  properties: {
    description: 'The WAF blocked more than 1,000 requests in 15 minutes: a flood or a key-guessing run is being held at the edge.'
    severity: 3
    enabled: true
    scopes: [
      frontDoor.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'WafBlocks'
          metricNamespace: 'Microsoft.Cdn/profiles'
          metricName: 'WebApplicationFirewallRequestCount'
          dimensions: [
            {
              name: 'Action'
              operator: 'Include'
              values: [
                'Block'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 1000
          timeAggregation: 'Total'
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// The resource group's spend: 80 % and 100 % of the month's budget spent, and 100 % forecast.
resource budget 'Microsoft.Consumption/budgets@2023-11-01' = if (monthlyBudget > 0 && !empty(budgetStartDate)) {
  name: budgetName
  properties: {
    category: 'Cost'
    amount: monthlyBudget
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: budgetStartDate
    }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: alertEmails
        contactGroups: [
          actionGroup.id
        ]
      }
      actual100: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 100
        thresholdType: 'Actual'
        contactEmails: alertEmails
        contactGroups: [
          actionGroup.id
        ]
      }
      forecast100: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 100
        thresholdType: 'Forecasted'
        contactEmails: alertEmails
        contactGroups: [
          actionGroup.id
        ]
      }
    }
  }
}
