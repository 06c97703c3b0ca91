import "server-only";

import { db } from "@/lib/db/client";
import { isNotificationEventType, notificationPath } from "@/lib/domain/notification-events";

export const INBOX_PAGE_SIZE = 30;

/** The badge in the navigation. */
export function unreadNotificationCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** One person's notifications, newest first, each with where it leads. */
export async function listNotifications(userId: string, page = 1) {
  const [rows, total] = await Promise.all([
    db().notification.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      include: { request: { select: { number: true, status: true } } },
    }),
    db().notification.count({ where: { userId } }),
  ]);
  const items = rows.map((n) => ({
    id: n.id,
    title: n.title,
    createdAt: n.createdAt,
    read: n.readAt !== null,
    requestNumber: n.request.number,
    href: isNotificationEventType(n.type) ? notificationPath(n.type, n.requestId) : `/requests/${n.requestId}`,
  }));
  return { items, total, pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}

/** Marks one of the person's own notifications read; returns where it leads, or null when it is not theirs. */
export async function markNotificationRead(userId: string, notificationId: string): Promise<string | null> {
  const notification = await db().notification.findFirst({ where: { id: notificationId, userId } });
  if (!notification) return null;
  if (!notification.readAt) await db().notification.update({ where: { id: notification.id }, data: { readAt: new Date() } });
  return isNotificationEventType(notification.type) ? notificationPath(notification.type, notification.requestId) : `/requests/${notification.requestId}`;
}

export async function markAllNotificationsRead(userId: string): Promise<number> {
  const { count } = await db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
