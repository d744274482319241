import { createHash } from "node:crypto";
import type pg from "pg";
import { z } from "zod";
import type { NewDelivery, PendingDelivery } from "../model.ts";
import { toPendingDelivery } from "../sqlite-rows.ts";
import type { Queryable } from "./pool.ts";
import { changes, firstRow, inTransaction, rowsOf } from "./pool.ts";
import { SCHEMA } from "./schema.ts";

const S = SCHEMA;

// Advisory lock key spaces (the two-int form): one for delivery ids, one for body hashes.
const BY_ID = 1;
const BY_BODY = 2;

/**
 * Serialises everything done with one delivery id (or body) across servers: accepting, settling,
 * marking seen. Without it a redelivery accepted while another server settles the first copy could
 * read "not handled" from a snapshot taken just before the settle committed. Held to the commit.
 */
async function lockDelivery(client: Queryable, space: number, key: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [space, key]);
}

export async function acceptDelivery(pool: pg.Pool, at: string, delivery: NewDelivery): Promise<boolean> {
  const payload = JSON.stringify(delivery.payload);
  // The payload as parsed from the signed body: a replay of that body hashes the same.
  const hash = createHash("sha256").update(payload).digest("hex");
  return inTransaction(pool, async (client) => {
    // Both locks in one round trip (the webhook waits for this commit), taken in the order settle takes them.
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2)), pg_advisory_xact_lock($3, hashtext($4))", [BY_ID, delivery.id, BY_BODY, hash]);
    const inserted = await changes(
      client,
      `INSERT INTO ${S}.backlog (id, event, payload, received_at, body_hash)
       SELECT $1, $2, $3, $4, $5
       WHERE NOT EXISTS (SELECT 1 FROM ${S}.deliveries WHERE id = $1)
         AND NOT EXISTS (SELECT 1 FROM ${S}.delivery_bodies WHERE hash = $5)
       ON CONFLICT DO NOTHING`,
      [delivery.id, delivery.event, payload, at, hash],
    );
    return inserted === 1;
  });
}

const BodyHash = z.object({ body_hash: z.string().nullable() });

/** Moves the delivery from the backlog to the handled ids (and its body to the handled bodies) in one commit. */
export async function settleDelivery(pool: pg.Pool, at: string, deliveryId: string, event: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await lockDelivery(client, BY_ID, deliveryId);
    const waiting = await firstRow(client, `SELECT body_hash FROM ${S}.backlog WHERE id = $1`, [deliveryId]);
    const hash = waiting === undefined ? null : BodyHash.parse(waiting).body_hash;
    if (hash !== null) {
      await lockDelivery(client, BY_BODY, hash);
      await client.query(`INSERT INTO ${S}.delivery_bodies (hash, seen_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [hash, at]);
    }
    await client.query(`DELETE FROM ${S}.backlog WHERE id = $1`, [deliveryId]);
    await client.query(`INSERT INTO ${S}.deliveries (id, event, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [deliveryId, event, at]);
  });
}

export async function markDeliverySeen(pool: pg.Pool, at: string, deliveryId: string, event: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await lockDelivery(client, BY_ID, deliveryId);
    await client.query(`INSERT INTO ${S}.deliveries (id, event, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [deliveryId, event, at]);
  });
}

export async function hasSeenDelivery(pool: pg.Pool, deliveryId: string): Promise<boolean> {
  return (await rowsOf(pool, `SELECT 1 FROM ${S}.deliveries WHERE id = $1`, [deliveryId])).length > 0;
}

export async function pendingDeliveries(pool: pg.Pool): Promise<PendingDelivery[]> {
  return (await rowsOf(pool, `SELECT * FROM ${S}.backlog ORDER BY seq`)).map(toPendingDelivery);
}

export async function waitingDelivery(pool: pg.Pool, deliveryId: string): Promise<PendingDelivery | undefined> {
  const row = await firstRow(pool, `SELECT * FROM ${S}.backlog WHERE id = $1`, [deliveryId]);
  return row === undefined ? undefined : toPendingDelivery(row);
}

const Attempts = z.object({ attempts: z.number().int() });

export async function countDeliveryAttempt(pool: pg.Pool, deliveryId: string): Promise<number> {
  const row = await firstRow(pool, `UPDATE ${S}.backlog SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts`, [deliveryId]);
  return row === undefined ? 0 : Attempts.parse(row).attempts;
}

export async function dropDelivery(pool: pg.Pool, deliveryId: string): Promise<void> {
  await changes(pool, `DELETE FROM ${S}.backlog WHERE id = $1`, [deliveryId]);
}

export async function forgetDeliveriesSeenBefore(pool: pg.Pool, before: Date): Promise<number> {
  return changes(pool, `DELETE FROM ${S}.deliveries WHERE seen_at < $1`, [before.toISOString()]);
}

export async function forgetDeliveryBodiesSeenBefore(pool: pg.Pool, before: Date): Promise<number> {
  return changes(pool, `DELETE FROM ${S}.delivery_bodies WHERE seen_at < $1`, [before.toISOString()]);
}
