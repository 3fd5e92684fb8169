namespace Feeds.Tests.Infra;

/// <summary>One role assignment: who (app, user, partner:&lt;id&gt;), which built-in role (by GUID), on what scope (resource id).</summary>
public sealed record RoleGrant(string Principal, string RoleId, string Scope)
{
    public override string ToString() => $"{Principal} {RoleAssignmentPolicy.RoleName(RoleId)} ({RoleId}) on {Scope}";
}
