package dev.dbq.testsupport.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The one server the fake Discord serves: its application and bot user, text channels, roles and
 * members. {@link #standard()} is what most tests need; {@link #builder()} adjusts it.
 *
 * <p>The standard guild has text channels {@code general} and {@code interview-prep}; members
 * {@code owner} (owns the server: every permission), {@code alice} and {@code bob} (plain
 * members), {@code carol} (role {@code Moderators}: Manage Server), {@code dave} (role
 * {@code Admins}: Administrator), {@code helper-bot} (another bot) and the bot itself ({@code dbq}, role {@code dbq} with {@link DiscordPermissions#DBQ_BOT}).
 */
public final class FakeGuild {

  /** A Discord user; {@code bot} marks bot accounts (whose messages a bot should ignore). */
  public record FakeUser(long id, String username, boolean bot) {
    public String idString() {
      return Long.toUnsignedString(id);
    }

    /** The mention Discord renders as a ping: tests look for it in what the bot sends. */
    public String mention() {
      return "<@" + idString() + ">";
    }
  }

  /** A guild text channel. */
  public record FakeChannel(long id, String name) {
    public String idString() {
      return Long.toUnsignedString(id);
    }
  }

  /** A role; {@code id == guild id} is {@code @everyone}. */
  public record FakeRole(long id, String name, long permissions, boolean managedByBot) {
    public String idString() {
      return Long.toUnsignedString(id);
    }
  }

  /** A user's membership: its roles (besides {@code @everyone}). */
  public record FakeMember(FakeUser user, List<FakeRole> roles) {}

  private static final long CREATED_AT = 1_700_000_000_000L; // 2023-11-14, fixed for stable ids

  private final long id;
  private final String name;
  private final long applicationId;
  private final FakeUser botUser;
  private final FakeUser owner;
  private final List<FakeChannel> channels;
  private final List<FakeRole> roles;
  private final Map<String, FakeMember> membersByName;

  private FakeGuild(Builder builder) {
    this.id = builder.id;
    this.name = builder.name;
    this.applicationId = builder.applicationId;
    this.botUser = builder.botUser;
    this.channels = List.copyOf(builder.channels);
    this.roles = List.copyOf(builder.roles.values());
    this.membersByName = new LinkedHashMap<>();
    // Roles may have been replaced (new permissions) after members took them: resolve by id.
    builder.members.forEach((username, member) -> membersByName.put(username,
        new FakeMember(member.user(), member.roles().stream().map(this::currentRole).toList())));
    this.owner = membersByName.get(Builder.OWNER).user();
  }

  private FakeRole currentRole(FakeRole role) {
    return roles.stream().filter(current -> current.id() == role.id()).findFirst().orElseThrow();
  }

  public static FakeGuild standard() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public long id() {
    return id;
  }

  public String idString() {
    return Long.toUnsignedString(id);
  }

  public String name() {
    return name;
  }

  /** The application id (= the bot user's id, as for every bot created since 2019). */
  public long applicationId() {
    return applicationId;
  }

  public String applicationIdString() {
    return Long.toUnsignedString(applicationId);
  }

  public FakeUser botUser() {
    return botUser;
  }

  public FakeUser owner() {
    return owner;
  }

  public List<FakeChannel> channels() {
    return channels;
  }

  public FakeChannel channel(String channelName) {
    return channels.stream().filter(c -> c.name().equals(channelName)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no channel #" + channelName));
  }

  public List<FakeRole> roles() {
    return roles;
  }

  public FakeRole everyone() {
    return roles.get(0);
  }

  public List<FakeMember> members() {
    return List.copyOf(membersByName.values());
  }

  public FakeMember member(String username) {
    FakeMember member = membersByName.get(username);
    if (member == null) {
      throw new NoSuchElementException("no member " + username + " in " + membersByName.keySet());
    }
    return member;
  }

  public FakeUser user(String username) {
    return member(username).user();
  }

  /** The member's guild-wide permissions as Discord computes them (no channel overwrites). */
  public long permissionsOf(FakeMember member) {
    if (member.user().id() == owner.id()) {
      return DiscordPermissions.ALL;
    }
    long raw = everyone().permissions();
    for (FakeRole role : member.roles()) {
      raw |= role.permissions();
    }
    return DiscordPermissions.effective(raw);
  }

  /** Adjusts the standard guild. */
  public static final class Builder {
    private int sequence;
    private final long id = nextId();
    private String name = "dbq test server";
    private final FakeUser botUser = new FakeUser(nextId(), "dbq", true);
    private final long applicationId = botUser.id();
    private final List<FakeChannel> channels = new ArrayList<>();
    private final Map<String, FakeRole> roles = new LinkedHashMap<>();
    private final Map<String, FakeMember> members = new LinkedHashMap<>();
    private static final String OWNER = "owner";

    private Builder() {
      roles.put("@everyone",
          new FakeRole(id, "@everyone", DiscordPermissions.EVERYONE_DEFAULT, false));
      role("Moderators", DiscordPermissions.MANAGE_GUILD);
      role("Admins", DiscordPermissions.ADMINISTRATOR);
      roles.put(botUser.username(),
          new FakeRole(nextId(), botUser.username(), DiscordPermissions.DBQ_BOT, true));
      textChannel("general");
      textChannel("interview-prep");
      member(botUser, botUser.username());
      member(OWNER);
      member("alice");
      member("bob");
      member("carol", "Moderators");
      member("dave", "Admins");
      member(new FakeUser(nextId(), "helper-bot", true));
    }

    private long nextId() {
      return Snowflakes.at(CREATED_AT, ++sequence);
    }

    public Builder name(String guildName) {
      this.name = guildName;
      return this;
    }

    public Builder textChannel(String channelName) {
      channels.add(new FakeChannel(nextId(), channelName));
      return this;
    }

    public Builder role(String roleName, long permissions) {
      roles.put(roleName, new FakeRole(nextId(), roleName, permissions, false));
      return this;
    }

    /** What the bot's own role grants (the permissions its invite asked for). */
    public Builder botPermissions(long permissions) {
      FakeRole old = roles.get(botUser.username());
      roles.put(botUser.username(), new FakeRole(old.id(), old.name(), permissions, true));
      return this;
    }

    /** What {@code @everyone} holds. */
    public Builder everyonePermissions(long permissions) {
      roles.put("@everyone", new FakeRole(id, "@everyone", permissions, false));
      return this;
    }

    /** A human member with the named roles. */
    public Builder member(String username, String... roleNames) {
      return member(new FakeUser(nextId(), username, false), roleNames);
    }

    public Builder member(FakeUser user, String... roleNames) {
      List<FakeRole> memberRoles = new ArrayList<>();
      for (String roleName : roleNames) {
        FakeRole role = roles.get(roleName);
        if (role == null) {
          throw new NoSuchElementException("no role " + roleName);
        }
        memberRoles.add(role);
      }
      members.put(user.username(), new FakeMember(user, memberRoles));
      return this;
    }

    public FakeGuild build() {
      return new FakeGuild(this);
    }
  }
}
