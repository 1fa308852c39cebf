namespace QunTuan.Api.Identity;

/// <summary>What a user may do. Office, organizer and auditor rights are scoped to communities.</summary>
public enum Role
{
    Volunteer,  // 志愿者: own account, own records, own redemptions
    Organizer,  // 组织者: the teams and shifts they organize
    Office,     // 社区办公室: register volunteers, verify, correct, elders, redemptions, catalog
    Auditor,    // 审计: reads everything in scope, changes nothing
    Admin       // 管理员: communities, rules, users
}
