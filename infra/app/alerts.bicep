// The alerts an operator needs, as log search alerts on Application Insights, sent to one action group:
// a feed run failed, a feed is stale (no success within twice its schedule), and the HTTP 5xx rate.
param namePrefix string
param actionGroupName string
param location string
param tags object
param applicationInsightsName string
param alertEmails string[]
param feeds feedAlert[]
param http5xxPercentThreshold int

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
var http5xxQuery = '''
requests
| where isnotempty(url)
| summarize Total = count(), Failed = countif(toint(resultCode) >= 500)
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
