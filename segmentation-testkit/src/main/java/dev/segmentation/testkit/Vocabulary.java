package dev.segmentation.testkit;

/** The value lists the generator draws from, most popular first, with their weights. */
final class Vocabulary {
  private Vocabulary() {}

  static final String[] DEVICES = {"ios", "android", "desktop"};
  static final double[] DEVICE_WEIGHTS = Rng.cumulative(0.38, 0.34, 0.28);

  static final String[] INDUSTRIES = {
    "retail",
    "restaurant",
    "software",
    "hotel",
    "manufacturing",
    "construction",
    "healthcare",
    "logistics",
    "finance",
    "marketing",
    "education",
    "real-estate"
  };
  static final double[] INDUSTRY_WEIGHTS = Rng.zipf(INDUSTRIES.length, 0.9);

  static final String[] TECH = {
    "shopify",
    "wordpress",
    "hubspot",
    "salesforce",
    "stripe",
    "aws",
    "slack",
    "google-workspace",
    "microsoft-365",
    "woocommerce",
    "zendesk",
    "pipedrive",
    "azure",
    "magento",
    "sap"
  };
  static final double[] TECH_WEIGHTS = Rng.zipf(TECH.length, 0.9);

  static final String[] CATEGORIES = {
    "clothing",
    "electronics",
    "home",
    "beauty",
    "food",
    "sports",
    "books",
    "toys",
    "garden",
    "software"
  };
  static final double[] CATEGORY_WEIGHTS = Rng.zipf(CATEGORIES.length, 0.8);

  static final String[] CHANNELS = {"web", "app", "store"};
  static final double[] CHANNEL_WEIGHTS = Rng.cumulative(0.55, 0.30, 0.15);

  static final String[] CAMPAIGNS = {
    "newsletter",
    "welcome",
    "black-friday",
    "spring-sale",
    "summer-sale",
    "winback",
    "product-launch",
    "webinar-invite"
  };
  static final double[] CAMPAIGN_WEIGHTS = Rng.zipf(CAMPAIGNS.length, 1.0);

  static final String[] PATHS = {
    "/",
    "/products",
    "/pricing",
    "/cart",
    "/blog",
    "/checkout",
    "/account",
    "/products/electronics",
    "/products/clothing",
    "/contact",
    "/demo",
    "/careers"
  };
  static final double[] PATH_WEIGHTS = Rng.zipf(PATHS.length, 1.0);

  /**
   * Fifty tags; the first ones are common, the tail rare. The last, {@code b2b}, is given only to
   * business customers, so it is left out of the random draw.
   */
  static final String[] TAGS = {
    "mobile",
    "newsletter",
    "discount-seeker",
    "app-user",
    "loyalty-member",
    "gift-buyer",
    "early-adopter",
    "churn-risk",
    "family",
    "eco",
    "premium",
    "trial",
    "referral",
    "student",
    "traveler",
    "foodie",
    "fitness",
    "pet-owner",
    "tech",
    "fashion",
    "home",
    "outdoor",
    "parent",
    "senior",
    "desktop",
    "social",
    "coupon",
    "black-friday",
    "holiday",
    "returns",
    "support-heavy",
    "webinar",
    "event-attendee",
    "podcast",
    "survey",
    "ambassador",
    "high-intent",
    "dormant",
    "beta",
    "partner",
    "wholesale",
    "reseller",
    "influencer",
    "nonprofit",
    "government",
    "startup",
    "agency",
    "gamer",
    "vip",
    "b2b"
  };

  static final double[] TAG_WEIGHTS = Rng.zipf(TAGS.length - 1, 1.0);

  /** How many tags beyond those implied by behaviour: 0..4. */
  static final double[] TAG_COUNT_WEIGHTS = Rng.cumulative(0.25, 0.30, 0.22, 0.15, 0.08);
}
