using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesOps.Web.Auth;

namespace SalesOps.Web.Features.Admin;

/// <summary>
/// A one-time link an admin sent a new user to set their password. Only the SHA-256 of the link's token is kept:
/// someone who reads the database cannot open a pending invitation. It is good until <see cref="ExpiresAt"/>
/// (exclusive) and only once; re-issuing revokes the one before.
/// </summary>
public class UserInvitation
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsPendingAt(DateTime now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;
}

public sealed class UserInvitationConfiguration : IEntityTypeConfiguration<UserInvitation>
{
    public void Configure(EntityTypeBuilder<UserInvitation> builder)
    {
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.UserId);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.CreatedBy).HasMaxLength(200);
        // A user deleted later takes their invitations with them.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
