import assert from "node:assert/strict";
import { test } from "node:test";
import { add } from "./src/add.js";

test("add adds two numbers", () => {
  assert.equal(add(2, 3), 5);
});

test("add keeps zero neutral", () => {
  assert.equal(add(0, 7), 7);
});
