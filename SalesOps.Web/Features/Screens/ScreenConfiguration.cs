using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;

namespace SalesOps.Web.Features.Screens;

/// <summary>Screens and their slides; a TV finds its screen by the token's hash, so that column is indexed.</summary>
public sealed class ScreenConfiguration : IEntityTypeConfiguration<Screen>, IEntityTypeConfiguration<ScreenSlide>
{
    public void Configure(EntityTypeBuilder<Screen> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(ScreenRules.MaxNameLength);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasMany(s => s.Slides).WithOne().HasForeignKey(s => s.ScreenId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ScreenSlide> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(ScreenRules.MaxTextLength);
        builder.HasIndex(s => new { s.ScreenId, s.Position });
    }
}
