CREATE TABLE "chat_staff_members" (
	"id" text PRIMARY KEY NOT NULL,
	"name" varchar(120) NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
