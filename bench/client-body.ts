/** What the client section's server answers and the credential every client sends. */

/** What `GET /vpn_sessions` answers: the shape latitudesh's spec declares, two sessions. */
export const BODY = JSON.stringify({
  data: [
    {
      id: "vpn_1",
      type: "vpn_sessions",
      attributes: {
        user_name: "bench",
        created_at: "2024-01-01T00:00:00Z",
        expires_at: "2024-01-02T00:00:00Z",
        site: "SAO",
      },
    },
    {
      id: "vpn_2",
      type: "vpn_sessions",
      attributes: {
        user_name: "bench",
        created_at: "2024-01-01T00:00:00Z",
        expires_at: "2024-01-02T00:00:00Z",
        site: "NYC",
      },
    },
  ],
});

export const TOKEN = "bench-token";
